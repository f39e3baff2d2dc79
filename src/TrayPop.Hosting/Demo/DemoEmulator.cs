using System.Diagnostics;

namespace TrayPop.Hosting.Demo;

/// <summary>
/// The Dataverse emulator for <c>demo</c>, run as a separate program: it is a development tool, so no shipped
/// assembly references it and no publish folder or installer carries it. Found in a source checkout (run with
/// <c>dotnet run</c>, which builds it when needed), or where <c>TRAYPOP_EMULATOR</c> points (its DataverseEmulator.dll
/// or executable). Stopped with the demo.
/// </summary>
internal sealed class DemoEmulator : IAsyncDisposable
{
    /// <summary>Where to find the emulator outside a checkout.</summary>
    public const string PathVariable = "TRAYPOP_EMULATOR";

    /// <summary>The emulator's sample seed stores its first contact, Jane Doe, as (425) 555-0101.</summary>
    public const string SampleNumber = "+14255550101";

    public const string SampleName = "Jane Doe";

    /// <summary>The line the standalone emulator prints once it listens.</summary>
    private const string ListeningLine = "Dataverse emulator listening on ";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;

    private DemoEmulator(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The organisation root the emulator serves.</summary>
    public Uri Url { get; }

    /// <summary>What to say where no emulator can be found: what it is and how to get it.</summary>
    public static string NotFoundMessage { get; } = $"""
        TrayPop's demo needs the Dataverse emulator (samples/DataverseEmulator), a development tool that is not
        installed with TrayPop. Run the demo from a source checkout:
          dotnet run --project src/TrayPop -- demo
        or set {PathVariable} to the emulator's DataverseEmulator.dll (or its executable).
        To use TrayPop with your Dynamics 365, run it with --TrayPop:Dataverse:Url=https://yourorg.crm.dynamics.com
        """;

    /// <summary>Finds and starts the emulator with its sample contacts; null when there is none to start.</summary>
    /// <exception cref="InvalidOperationException">It was found but did not start.</exception>
    public static async Task<DemoEmulator?> StartAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        if (Locate() is not { } start)
        {
            return null;
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        if (start.FileName == "dotnet")
        {
            await progress.WriteLineAsync("Starting the Dataverse emulator from this checkout (the first start builds it)…");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var emulator = (DemoEmulator?)null;
        try
        {
            var url = await ReadUrlAsync(process, cancellationToken);
            emulator = new DemoEmulator(process, url);
            return emulator;
        }
        finally
        {
            if (emulator is null)
            {
                Stop(process);
                process.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary><c>TRAYPOP_EMULATOR</c> first, then a checkout above the program or the working folder.</summary>
    internal static ProcessStartInfo? Locate()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            var info = configured.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? new ProcessStartInfo("dotnet") { ArgumentList = { configured } }
                : new ProcessStartInfo(configured);
            return File.Exists(configured) ? info : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var project = Path.Combine(folder.FullName, "samples", "DataverseEmulator", "DataverseEmulator.csproj");
                if (File.Exists(project))
                {
                    return new ProcessStartInfo("dotnet") { ArgumentList = { "run", "--project", project, "--no-launch-profile", "--" } };
                }
            }
        }

        return null;
    }

    private static async Task<Uri> ReadUrlAsync(Process process, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var at = line.IndexOf(ListeningLine, StringComparison.Ordinal);
            if (at >= 0 && Uri.TryCreate(line[(at + ListeningLine.Length)..].Trim(), UriKind.Absolute, out var url))
            {
                // Keep draining both streams, so the emulator never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                _ = errors;
                return url;
            }
        }

        throw new InvalidOperationException($"The Dataverse emulator stopped before it listened: {(await errors).Trim()}");
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // dotnet run starts the emulator as its child: stop both.
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }
}
