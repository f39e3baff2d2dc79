using System.Text.Json;
using DataverseEmulator;
using TrayPop.Tests.Support;
using TrayPop.Testing;

namespace TrayPop.Tests;

/// <summary>The traypop entry point, run as a process the way softphones, engineers and scripts run it.</summary>
public sealed class ProgramTests : IAsyncLifetime
{
    private const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";
    private EmulatorServer _crm = null!;

    public async Task InitializeAsync() => _crm = await EmulatorServer.StartAsync(EmulatorSeed.Sample);

    public async Task DisposeAsync() => await _crm.DisposeAsync();

    private string[] CrmSettings(params string[] more) =>
        [$"--TrayPop:Dataverse:Url={_crm.BaseUri.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None", "--TrayPop:Phone:DefaultRegion=US", .. more];

    [Fact]
    public async Task LookupJson_KnownNumber_PrintsTheMatchAndItsRecordUrl()
    {
        var (exit, stdout, stderr) = await TrayPopProcess.RunAsync(["lookup", "+14255550101", "--json", .. CrmSettings()]);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("match", json.RootElement.GetProperty("outcome").GetString());
        var match = json.RootElement.GetProperty("matches").EnumerateArray().Single();
        Assert.Equal("contact", match.GetProperty("entity").GetString());
        Assert.Equal(JaneId, match.GetProperty("id").GetString());
        Assert.Equal("Jane Doe", match.GetProperty("name").GetString());
        Assert.Equal($"{_crm.BaseUri}main.aspx?pagetype=entityrecord&etn=contact&id={JaneId}", json.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public async Task LookupJson_UnknownNumber_PrintsNoneAndTheNewContactForm()
    {
        var (exit, stdout, _) = await TrayPopProcess.RunAsync(["lookup", "+14255550188", "--json", .. CrmSettings()]);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("none", json.RootElement.GetProperty("outcome").GetString());
        Assert.Empty(json.RootElement.GetProperty("matches").EnumerateArray());
        Assert.Equal($"{_crm.BaseUri}main.aspx?pagetype=entityrecord&etn=contact&extraqs=telephone1%3D%252B14255550188", json.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public async Task LookupJson_Withheld_PrintsWithheldAndNoUrl()
    {
        var (_, stdout, _) = await TrayPopProcess.RunAsync(["lookup", "anonymous", "--json", .. CrmSettings()]);

        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("withheld", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("url").ValueKind);
    }

    [Fact]
    public async Task Run_WithBadUrlSetting_StopsWithAMessageNamingTheKey()
    {
        var (exit, _, stderr) = await TrayPopProcess.RunAsync("run", "--TrayPop:Dataverse:Url=not a url", $"--TrayPop:Listener:Port={FreePort.Next()}");

        Assert.Equal(2, exit);
        Assert.Contains("TrayPop:Dataverse:Url", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pop_WhenNoTrayPopRuns_SaysSoAndExits3()
    {
        var (exit, _, stderr) = await TrayPopProcess.RunAsync("pop", "+14255550101", $"--TrayPop:Listener:Port={FreePort.Next()}");

        Assert.Equal(3, exit);
        Assert.Contains("No TrayPop is running", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pop_WithAnUnknownCallType_ExplainsAndFails()
    {
        var (exit, _, stderr) = await TrayPopProcess.RunAsync("pop", "--type", "sideways", "+14255550101", $"--TrayPop:Listener:Port={FreePort.Next()}");

        Assert.NotEqual(0, exit);
        Assert.Contains("sideways", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AgainstTheEmulator_ReportsUserAndFreePort()
    {
        var port = FreePort.Next();

        var (exit, stdout, _) = await TrayPopProcess.RunAsync(["check", .. CrmSettings($"--TrayPop:Listener:Port={port}")]);

        Assert.Equal(0, exit);
        Assert.Contains("Signed in:    user ", stdout, StringComparison.Ordinal);
        Assert.Contains($"port {port} is free", stdout, StringComparison.Ordinal);
        Assert.Contains("TrayPop:Dataverse:Url = " + _crm.BaseUri.AbsoluteUri.TrimEnd('/') + "  [from command line]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WhenTheCrmIsGone_FailsWithTheReason()
    {
        var (exit, stdout, _) = await TrayPopProcess.RunAsync("check", $"--TrayPop:Dataverse:Url=http://127.0.0.1:{FreePort.Next()}", "--TrayPop:Dataverse:Auth:Mode=None");

        Assert.NotEqual(0, exit);
        Assert.Contains("Signed in:    NO", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAndPop_MicroSipStyleArguments_OpenTheRecordInTheConfiguredBrowser()
    {
        using var browser = new RecordingBrowser();
        var port = FreePort.Next();
        string[] listener = [$"--TrayPop:Listener:Port={port}", $"--TrayPop:Listener:LinePort={FreePort.Next()}"];
        using var service = TrayPopProcess.Start(["run", .. CrmSettings([.. listener, $"--TrayPop:Browser:Command={browser.Command}"])]);
        await Listening.WaitAsync(port);

        // MicroSIP appends the remote party as the last argument; a name-addr arrives split on its spaces.
        var (exit, stdout, stderr) = await TrayPopProcess.RunAsync(["pop", "--phase", "answer", "\"Jane", "Doe\"", "<sip:4255550101@10.1.2.3>", .. listener]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("\"status\":\"opened\"", stdout, StringComparison.Ordinal);
        Assert.Equal([$"{_crm.BaseUri}main.aspx?pagetype=entityrecord&etn=contact&id={JaneId}"], browser.Opened);
    }
}
