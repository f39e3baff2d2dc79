using System.Text.Json;
using DataverseEmulator;
using TrayPop.Tests.Support;
using TrayPop.Testing;

namespace TrayPop.Tests;

/// <summary><c>traypop pop</c> as softphones run it, against one <c>traypop run</c> that asks for a token.</summary>
public sealed class PopTests(PopTests.Service service) : IClassFixture<PopTests.Service>
{
    private const string Token = "pop-tests-token";

    [Fact]
    public async Task Pop_PlainArguments_AreAcceptedByTheRunningService()
    {
        var (exit, stdout, stderr) = await TrayPopProcess.RunAsync(
            "pop", "--type=outbound", "--phase", "ring", "--call-id", "c-1", "+1", "425", "555", "0101", $"--TrayPop:Listener:LinePort={service.LinePort}", $"--TrayPop:Listener:Token={Token}");

        Assert.True(exit == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal("c-1", report.RootElement.GetProperty("callId").GetString());
        Assert.Equal("outbound", report.RootElement.GetProperty("type").GetString());
        Assert.Equal("ring", report.RootElement.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Pop_PortAndTokenFromTheEnvironment_AreAccepted()
    {
        var environment = new Dictionary<string, string> { ["TrayPop__Listener__LinePort"] = $"{service.LinePort}", ["TrayPop__Listener__Token"] = Token };

        var (exit, stdout, stderr) = await TrayPopProcess.RunWithAsync(environment, "pop", "\"Jane", "Doe\"", "<sip:4255550101@10.1.2.3>");

        Assert.True(exit == 0, stderr);
        Assert.Contains("\"status\":", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pop_WithoutTheToken_IsRefusedWithTheReasonAndExits2()
    {
        var (exit, _, stderr) = await TrayPopProcess.RunAsync("pop", "+14255550101", $"--TrayPop:Listener:LinePort={service.LinePort}");

        Assert.Equal(2, exit);
        Assert.Contains("TrayPop refused the call event: the TrayPop token is missing or wrong", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pop_NothingListening_Exits3WithThePlainMessage()
    {
        var (exit, _, stderr) = await TrayPopProcess.RunAsync("pop", "+14255550101", $"--TrayPop:Listener:LinePort={FreePort.Next()}");

        Assert.Equal(3, exit);
        Assert.Contains("No TrayPop is running in this session", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pop_LineIntakeOff_SaysItNeedsTheLinePortAndExits2()
    {
        var (exit, _, stderr) = await TrayPopProcess.RunAsync("pop", "+14255550101", "--TrayPop:Listener:LinePort=0");

        Assert.Equal(2, exit);
        Assert.Contains("TrayPop:Listener:LinePort is 0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recent_ListsWhatTheRunningServiceDid_WithTheCallerMasked()
    {
        var settings = new[] { $"--TrayPop:Listener:LinePort={service.LinePort}", $"--TrayPop:Listener:Token={Token}" };
        var (popExit, _, popError) = await TrayPopProcess.RunAsync(["pop", "--phase", "answer", "--call-id", "recent-1", "+14255550101", .. settings]);
        Assert.True(popExit == 0, popError);

        var (exit, stdout, stderr) = await TrayPopProcess.RunAsync(["recent", .. settings]);
        var (jsonExit, json, _) = await TrayPopProcess.RunAsync(["recent", "--json", .. settings]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("line  id recent-1  inbound answer  from +1425*****01", stdout, StringComparison.Ordinal);
        Assert.Contains("lookup match -> opened, decision open-record, url http://", stdout, StringComparison.Ordinal);
        Assert.Equal(0, jsonExit);
        using var events = JsonDocument.Parse(json);
        var mine = events.RootElement.EnumerateArray().First(e => e.GetProperty("callId").GetString() == "recent-1");
        Assert.Equal("+1425*****01", mine.GetProperty("callerId").GetString());
        Assert.Equal("match", mine.GetProperty("outcome").GetString());
        Assert.Equal("opened", mine.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Recent_WithoutTheToken_IsRefusedAndExits2()
    {
        var (exit, stdout, stderr) = await TrayPopProcess.RunAsync("recent", $"--TrayPop:Listener:LinePort={service.LinePort}");

        Assert.Equal(2, exit);
        Assert.Contains("the TrayPop token is missing or wrong", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("recent-1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pop_Help_IsStillSystemCommandLinesHelp()
    {
        var (exit, stdout, _) = await TrayPopProcess.RunAsync("pop", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Hand one call event to the running TrayPop of this session.", stdout, StringComparison.Ordinal);
        Assert.Contains("--call-id", stdout, StringComparison.Ordinal);
    }

    /// <summary>The emulator and one <c>traypop run</c> with a token, shared by the tests of the class.</summary>
    public sealed class Service : IAsyncLifetime
    {
        private readonly RecordingBrowser _browser = new();
        private EmulatorServer _crm = null!;
        private TrayPopProcess _run = null!;

        public int Port { get; } = FreePort.Next();

        public int LinePort { get; } = FreePort.Next();

        public async Task InitializeAsync()
        {
            _crm = await EmulatorServer.StartAsync(EmulatorSeed.Sample);
            _run = TrayPopProcess.Start(
                "run",
                $"--TrayPop:Dataverse:Url={_crm.BaseUri.AbsoluteUri.TrimEnd('/')}",
                "--TrayPop:Dataverse:Auth:Mode=None",
                "--TrayPop:Phone:DefaultRegion=US",
                $"--TrayPop:Listener:Port={Port}",
                $"--TrayPop:Listener:LinePort={LinePort}",
                $"--TrayPop:Listener:Token={Token}",
                $"--TrayPop:Browser:Command={_browser.Command}");
            await Listening.WaitAsync(Port, LinePort);
        }

        public async Task DisposeAsync()
        {
            _run.Dispose();
            _browser.Dispose();
            await _crm.DisposeAsync();
        }
    }
}
