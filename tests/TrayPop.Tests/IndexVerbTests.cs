using DataverseEmulator;
using TrayPop.Tests.Support;
using TrayPop.Testing;

namespace TrayPop.Tests;

/// <summary>
/// <c>check</c> and <c>index setup | sync --once | status --json</c> as an admin runs them, against an organisation whose
/// contact table is past the scan limit: check says lookups will fail and what fixes it; after setup and sync it says Keys.
/// </summary>
public sealed class IndexVerbTests : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "traypop-tests", "index-" + Guid.NewGuid().ToString("N"));
    private EmulatorServer _crm = null!;

    public async Task InitializeAsync() =>
        _crm = await EmulatorServer.StartAsync(EmulatorSeed.Generate(EmulatorSettings.DefaultScanLimit + 1_000, expectedCallers: 20), new EmulatorSettings { KeyIndexDelay = TimeSpan.Zero });

    public async Task DisposeAsync()
    {
        await _crm.DisposeAsync();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private string[] Org =>
    [
        $"--TrayPop:Dataverse:Url={_crm.BaseUri.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None",
        "--TrayPop:Phone:DefaultRegion=US", $"--TrayPop:Index:StateDirectory={_state}", $"--TrayPop:Listener:Port={FreePort.Next()}",
    ];

    [Fact]
    public async Task Check_OnATablePastTheScanLimit_SaysLookupsWillFail_AndIndexSetupAndSyncFixIt()
    {
        var (exit, before, _) = await TrayPopProcess.RunAsync(["check", .. Org]);
        Assert.True(exit == 0, before);
        Assert.Contains("Lookup:       Pattern (Auto)", before, StringComparison.Ordinal);
        Assert.Contains("WARNING: contact has 51,000 rows", before, StringComparison.Ordinal);
        Assert.Contains("lookups will fail. `traypop index setup` then `traypop index sync`", before, StringComparison.Ordinal);

        var setup = await TrayPopProcess.RunAsync(["index", "setup", .. Org]);
        Assert.True(setup.ExitCode == 0, setup.Stdout + setup.Stderr);
        Assert.Contains("Alternate key index: Active", setup.Stdout, StringComparison.Ordinal);
        var sync = await TrayPopProcess.RunAsync(["index", "sync", "--once", .. Org]);
        Assert.True(sync.ExitCode == 0, sync.Stdout + sync.Stderr);
        var status = await TrayPopProcess.RunAsync(["index", "status", "--json", .. Org]);
        Assert.Contains("\"keyIndex\":\"Active\"", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"ready\":true", status.Stdout, StringComparison.Ordinal);

        var (_, after, _) = await TrayPopProcess.RunAsync(["check", .. Org]);
        Assert.Contains("Lookup:       Keys (Auto): one indexed request per call", after, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", after, StringComparison.Ordinal);
    }
}
