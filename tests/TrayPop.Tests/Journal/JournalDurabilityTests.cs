using System.Net;
using DataverseEmulator;
using TrayPop.Tests.Support;
using TrayPop.Testing;

namespace TrayPop.Tests.Journal;

/// <summary>
/// The outbox against SIGKILL: a real <c>traypop run</c> is killed between every pair of a call's steps, with the CRM
/// refusing phonecalls meanwhile; the last start, with the CRM back, sends each answered call exactly once.
/// </summary>
public sealed class JournalDurabilityTests : IAsyncLifetime
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "traypop-tests", "journal", Guid.NewGuid().ToString("N") + ".db");
    private readonly int _port = FreePort.Next();
    private readonly int _linePort = FreePort.Next();
    private readonly RecordingBrowser _browser = new();
    private EmulatorServer _crm = null!;
    private TrayPopProcess? _run;

    public async Task InitializeAsync() => _crm = await EmulatorServer.StartAsync(EmulatorSeed.Sample);

    public async Task DisposeAsync()
    {
        _run?.Dispose();
        _browser.Dispose();
        await _crm.DisposeAsync();
    }

    [Fact]
    public async Task KilledBetweenEverySteps_EachAnsweredCallIsJournaledOnce()
    {
        _crm.Faults.Keep(EmulatorFault.ServiceUnavailable().ForUrl("phonecalls"));
        string[] steps =
        [
            "number=%2B14255550101&phase=ring&callId=k1",
            "number=%2B14255550101&phase=answer&callId=k1",
            "number=%2B14255550123&type=outbound&phase=answer",
            "number=%2B14255550101&phase=end&callId=k1",
            "number=%2B14255550123&type=outbound&phase=end",
            "number=%2B14255550101&phase=end&callId=k1",
        ];

        foreach (var step in steps)
        {
            await StartAsync();
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_port}/call?{step}"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Kill();
        }

        Assert.Equal(0, _crm.CountRecords("phonecalls"));
        _crm.Faults.Clear();
        await StartAsync();

        await Eventually.TrueAsync(() => _crm.CountRecords("phonecalls") == 2 && _crm.GetRecords("phonecalls").All(c => (int?)c["statecode"] == 1), "both calls were journaled and closed");
        var answered = Assert.Single(_crm.GetRecords("phonecalls"), c => (bool?)c["directioncode"] == false);
        Assert.NotNull(answered["_regardingobjectid_value"]);
        Kill();
        await StartAsync();
        using (var http = new HttpClient())
        {
            var health = await http.GetStringAsync(new Uri($"http://127.0.0.1:{_port}/health"));
            Assert.Contains("\"waiting\":0", health, StringComparison.Ordinal);
        }

        Assert.Equal(2, _crm.CountRecords("phonecalls"));
    }

    private async Task StartAsync()
    {
        _run = TrayPopProcess.Start(
            "run",
            $"--TrayPop:Dataverse:Url={_crm.BaseUri.AbsoluteUri.TrimEnd('/')}",
            "--TrayPop:Dataverse:Auth:Mode=None",
            "--TrayPop:Phone:DefaultRegion=US",
            $"--TrayPop:Listener:Port={_port}",
            $"--TrayPop:Listener:LinePort={_linePort}",
            $"--TrayPop:Browser:Command={_browser.Command}",
            "--TrayPop:Journal:Enabled=true",
            $"--TrayPop:Journal:Outbox={_outbox}");
        await Listening.WaitAsync(_port, _linePort);
    }

    // Process.Kill is SIGKILL on Linux: no shutdown code runs.
    private void Kill()
    {
        _run!.Dispose();
        _run = null;
    }
}
