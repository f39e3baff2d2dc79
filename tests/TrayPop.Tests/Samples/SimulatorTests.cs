using System.ComponentModel;
using System.Diagnostics;
using DataverseEmulator;
using TrayPop.Tests.Support;
using TrayPop.Testing;

namespace TrayPop.Tests.Samples;

/// <summary>
/// <c>samples/softphones/simulate_calls.py</c> against a real <c>traypop run</c>: every channel a softphone
/// can use gets the replies the default rules promise, and the agent's browser opens exactly the right pages.
/// </summary>
public sealed class SimulatorTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private EmulatorServer _crm = null!;
    private TrayPopProcess? _service;

    // xunit makes a new instance per theory case, so each channel gets its own CRM and its own TrayPop:
    // dedupe and the rate limit of one case cannot leak into the next.
    public async Task InitializeAsync() => _crm = await EmulatorServer.StartAsync(EmulatorSeed.Sample);

    public async Task DisposeAsync()
    {
        _service?.Dispose();
        await _crm.DisposeAsync();
    }

    [Theory]
    [InlineData("http-get")]
    [InlineData("http-post-json")]
    [InlineData("http-post-form")]
    [InlineData("line")]
    [InlineData("command")]
    public async Task Simulator_OverAChannelThatReportsEvents_GetsThePromisedRepliesAndOpensEachAnsweredCustomerOnce(string channel)
    {
        using var browser = new RecordingBrowser();
        var (port, linePort) = await StartTrayPopAsync(browser);

        var (exit, output) = await RunSimulatorAsync(channel, port, linePort);

        Assert.True(exit == 0, output);
        // Answered inbound, outbound, predictive and the burst open their customer once each; the queue call
        // answered elsewhere, the internal call and the withheld caller open nothing.
        string[] expected = [Record("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01"), Record("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e02"),
            Record("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e04"), Record("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e05")];
        var opened = await OpenedAsync(browser, expected.Length);
        Assert.Equal(expected.Order(StringComparer.Ordinal), opened.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("http-get")]
    [InlineData("line")]
    public async Task Simulator_WithTheTokenFileTrayPopReads_IsAcceptedAndOpensEachAnsweredCustomerOnce(string channel)
    {
        using var browser = new RecordingBrowser();
        var folder = Directory.CreateTempSubdirectory("traypop-token-");
        try
        {
            var tokenFile = Path.Combine(folder.FullName, "token");
            await File.WriteAllTextAsync(tokenFile, "5b0c2f7e9d1a4c3e8f6a2b1d0c9e8f7a\n");
            var (port, linePort) = await StartTrayPopAsync(browser, $"--TrayPop:Listener:TokenFile={tokenFile}");

            var (exit, output) = await RunSimulatorAsync(channel, port, linePort, "--token-file", tokenFile);

            Assert.True(exit == 0, output);
            Assert.Equal(4, (await OpenedAsync(browser, 4)).Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Simulator_OverThePopUrl_RedirectsTheSoftphonesBrowserAndLaunchesNothingItself()
    {
        using var browser = new RecordingBrowser();
        var (port, linePort) = await StartTrayPopAsync(browser);

        var (exit, output) = await RunSimulatorAsync("pop-url", port, linePort);

        Assert.True(exit == 0, output);
        Assert.Contains($"302 -> {Record("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01")}", output, StringComparison.Ordinal);
        Assert.Empty(browser.Opened);
    }

    private string Record(string contactId) => $"{_crm.BaseUri}main.aspx?pagetype=entityrecord&etn=contact&id={contactId}";

    private async Task<(int Port, int LinePort)> StartTrayPopAsync(RecordingBrowser browser, params string[] settings)
    {
        var port = FreePort.Next();
        var linePort = FreePort.Next();
        _service = TrayPopProcess.Start(["run",
            $"--TrayPop:Dataverse:Url={_crm.BaseUri.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None",
            "--TrayPop:Phone:DefaultRegion=US", $"--TrayPop:Listener:Port={port}", $"--TrayPop:Listener:LinePort={linePort}",
            $"--TrayPop:Browser:Command={browser.Command}", .. settings]);
        await Listening.WaitAsync(port, linePort);
        return (port, linePort);
    }

    private static async Task<(int ExitCode, string Output)> RunSimulatorAsync(string channel, int port, int linePort, params string[] extra)
    {
        var root = RepositoryRoot();
        var info = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        string[] args = [Path.Combine(root, "samples", "softphones", "simulate_calls.py"), "--channel", channel,
            "--port", $"{port}", "--line-port", $"{linePort}", "--traypop", $"dotnet \"{BuiltTrayPop.Dll}\"", .. extra];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The `traypop pop` the command channel runs must not pick up the machine's own settings.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("TrayPop__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("python3 is needed to run samples/softphones/simulate_calls.py; install it (apt-get install -y python3).", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Deadline);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }

    /// <summary>The browser is started after the reply is sent, so wait (to a deadline) for the pages to be recorded.</summary>
    private static async Task<IReadOnlyList<string>> OpenedAsync(RecordingBrowser browser, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (browser.Opened.Count < count && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        return browser.Opened;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrayPop.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TrayPop.sln above {AppContext.BaseDirectory}.");
    }
}
