using System.Diagnostics;

namespace TrayPop.Tests.Support;

/// <summary>Runs the built <c>traypop</c> entry point as a real process.</summary>
internal sealed class TrayPopProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private TrayPopProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "traypop-tests", "logs");

    public static TrayPopProcess Start(params string[] args) => StartWith(new Dictionary<string, string>(), args);

    /// <summary>Starts traypop with <paramref name="environment"/> added to a copy of this process's environment.</summary>
    public static TrayPopProcess StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BuiltTrayPop.Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add($"--TrayPop:Logging:Directory={LogDirectory}");
        // The machine's own settings must not leak into what is tested.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("TrayPop__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new TrayPopProcess(Process.Start(info)!);
    }

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string>(), args);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = StartWith(environment, args);
        return await process.WaitAsync();
    }

    public async Task<(int ExitCode, string Stdout, string Stderr)> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>Stops a service that runs until stopped, and returns what it wrote.</summary>
    public async Task<(string Stdout, string Stderr)> StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        return (await _stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
