using System.Runtime.Versioning;
using DataverseEmulator;
using TrayPop.SystemTests.Support;

namespace TrayPop.SystemTests.Softphones;

/// <summary>
/// A real softphone: Twinkle (console build) set up exactly as samples/softphones/twinkle says, real SIP calls from
/// SIPp over loopback UDP, the real <c>traypop run</c> against the Dataverse emulator, and a recording browser. Each
/// case asserts the pages the agent's browser was asked to open, so a broken sample fails here.
/// </summary>
[SupportedOSPlatform("linux")]
[Trait("Category", "System")]
public sealed class TwinkleTests : IAsyncLifetime
{
    private static readonly string[] Tools = ["twinkle-console", "sipp", "script", "curl"];
    private const string Jane = "<sip:+14255550101@127.0.0.1>";
    private const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";

    private readonly ITestOutputHelper _log;
    private readonly string _home = Directory.CreateDirectory(Path.Combine(Repository.Artifacts, "twinkle", Guid.NewGuid().ToString("N")[..8])).FullName;
    private EmulatorServer _crm = null!;
    private AgentTrayPop? _trayPop;
    private TwinklePhone? _phone;

    public TwinkleTests(ITestOutputHelper log) => _log = log;

    public async Task InitializeAsync() => _crm = await EmulatorServer.StartAsync(EmulatorSeed.Sample);

    public async Task DisposeAsync()
    {
        _log.WriteLine($"home: {_home}");
        if (_phone is not null)
        {
            _log.WriteLine("hooks:\n" + string.Join('\n', _phone.Hooks));
            _log.WriteLine("twinkle:\n" + _phone.Output);
            await _phone.DisposeAsync();
        }

        if (_trayPop is not null)
        {
            _log.WriteLine("traypop:\n" + _trayPop.Output);
            await _trayPop.DisposeAsync();
        }

        await _crm.DisposeAsync();
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task AnsweredCall_CallerHangsUp_OpensTheCallersRecordOnce()
    {
        await StartAsync();

        await IncomingCallAsync("answered.xml", Jane, "answer");

        await _phone!.WaitForHooksAsync("in_call", "in_call_answered", "remote_release");
        await OpenedAsync(Record(JaneId));
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task MissedCall_CallerCancelsWhileItRings_OpensNothing()
    {
        await StartAsync();

        await IncomingCallAsync("cancelled.xml", Jane, agent: null);

        await _phone!.WaitForHooksAsync("in_call", "in_call_failed");
        Assert.Empty(_trayPop!.Opened);
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task RejectedCall_OpensNothing()
    {
        await StartAsync();

        await IncomingCallAsync("rejected.xml", Jane, "reject");

        await _phone!.WaitForHooksAsync("in_call", "in_call_failed");
        Assert.Empty(_trayPop!.Opened);
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task AnsweredCall_AgentHangsUp_OpensTheRecordOnce()
    {
        await StartAsync();

        await IncomingCallAsync("agent-hangs-up.xml", Jane, "answer", hangUp: true);

        await _phone!.WaitForHooksAsync("in_call", "in_call_answered", "local_release");
        await OpenedAsync(Record(JaneId));
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task AutoAnswer_OpensTheRecordOnce()
    {
        await StartAsync();
        await _phone!.TypeAsync("auto_answer -a on");

        await IncomingCallAsync("answered.xml", Jane, agent: null);

        await _phone.WaitForHooksAsync("in_call", "in_call_answered", "remote_release");
        await OpenedAsync(Record(JaneId));
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task OutboundCall_AgentDialsTheCustomer_OpensTheRecordWhenTheyAnswer()
    {
        await StartAsync();
        var sippPort = TwinklePhone.FreeUdpPort();
        var sipp = Sipp(["-sn", "uas", "-i", "127.0.0.1", "-p", $"{sippPort}", "-m", "1"]);
        // Dial only once SIPp holds its port: a call to a closed port fails at once (503).
        await Eventually.True(() => sipp.IsCompleted || !TwinklePhone.IsFreeUdpPort(sippPort), "SIPp to listen", TimeSpan.FromSeconds(60));

        await _phone!.TypeAsync($"call sip:+14255550101@127.0.0.1:{sippPort}");
        await Eventually.True(() => sipp.IsCompleted || _phone.Output.Contains("far end answered call", StringComparison.Ordinal),
            $"the customer to answer (Twinkle printed:\n{_phone.Output})", TimeSpan.FromSeconds(60));
        if (sipp.IsCompleted)
        {
            Assert.Fail($"SIPp ended before Twinkle saw the answer: {await SippReportAsync(sipp)}");
        }
        await _phone.TypeAsync("bye");
        await AssertSippPassedAsync(sipp);

        await _phone.WaitForHooksAsync("out_call", "out_call_answered", "local_release");
        await OpenedAsync(Record(JaneId));
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task UnknownCaller_OpensTheNewContactFormWithTheNumber()
    {
        await StartAsync();

        await IncomingCallAsync("answered.xml", "<sip:+14255550188@127.0.0.1>", "answer");

        await _phone!.WaitForHooksAsync("in_call", "in_call_answered", "remote_release");
        var opened = Assert.Single(await OpenedAsync(count: 1));
        Assert.StartsWith($"{_crm.BaseUri}main.aspx?pagetype=entityrecord&etn=contact&extraqs=", opened, StringComparison.Ordinal);
        Assert.Contains("4255550188", opened, StringComparison.Ordinal);
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task WithheldCaller_OpensNothing()
    {
        await StartAsync();

        await IncomingCallAsync("answered.xml", "\"Anonymous\" <sip:anonymous@anonymous.invalid>", "answer");

        await _phone!.WaitForHooksAsync("in_call", "in_call_answered", "remote_release");
        Assert.Empty(_trayPop!.Opened);
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task TelUriCaller_NumberInTheHostPart_OpensTheCallersRecord()
    {
        await StartAsync();

        await IncomingCallAsync("answered.xml", "<tel:+14255550101>", "answer");

        await _phone!.WaitForHooksAsync("in_call", "in_call_answered", "remote_release");
        await OpenedAsync(Record(JaneId));
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task TokenSet_ScriptReadsThePerUserTokenFile_OpensTheRecord()
    {
        // The default path the sample documents, in the agent's (test) home; TrayPop is pointed at the same file.
        var tokenFile = WriteToken("7f3c9a1e5b2d4c6f8a0b1c2d3e4f5a6b");
        await StartAsync($"--TrayPop:Listener:TokenFile={tokenFile}");

        await IncomingCallAsync("answered.xml", Jane, "answer");

        await _phone!.WaitForHooksAsync("in_call", "in_call_answered", "remote_release");
        await OpenedAsync(Record(JaneId));
    }

    [SystemFact("twinkle-console", "sipp", "script", "curl")]
    public async Task WrongToken_NothingOpens_AndTheScriptSaysWhyOnTwinklesConsole()
    {
        WriteToken("not-the-token");
        await StartAsync("--TrayPop:Listener:Token=7f3c9a1e5b2d4c6f8a0b1c2d3e4f5a6b");

        await IncomingCallAsync("answered.xml", Jane, "answer");

        await _phone!.WaitForHooksAsync("in_call", "in_call_answered", "remote_release");
        Assert.Empty(_trayPop!.Opened);
        Assert.All(_phone.Hooks, h => Assert.Contains("(HTTP 401)", h, StringComparison.Ordinal));
        await _phone.WaitForOutputAsync("traypop-twinkle: TrayPop did not take the inbound answer event", "the refusal on Twinkle's console");
    }

    private async Task StartAsync(params string[] settings)
    {
        SystemTools.Require(Tools);
        _trayPop = await AgentTrayPop.StartAsync(_home, _crm.BaseUri, ["--TrayPop:Pop:RateLimit:Pops=100", .. settings]);
        _phone = await TwinklePhone.StartAsync(_home, _trayPop.Port);
    }

    private string WriteToken(string token)
    {
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(_home, ".config", "traypop")).FullName, "token");
        File.WriteAllText(file, token + "\n");
        return file;
    }

    /// <summary>
    /// SIPp calls the agent from <paramref name="from"/>; the agent types <paramref name="agent"/> when the call
    /// rings (nothing: it rings out or auto-answers), and <c>bye</c> once it is established when
    /// <paramref name="hangUp"/>.
    /// </summary>
    private async Task IncomingCallAsync(string scenario, string from, string? agent, bool hangUp = false)
    {
        var sipp = Sipp(["-sf", Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario), "-i", "127.0.0.1", "-p", $"{TwinklePhone.FreeUdpPort()}",
            "-m", "1", "-key", "from", from, $"127.0.0.1:{_phone!.SipPort}"]);
        if (agent is not null)
        {
            await _phone.WaitForOutputAsync("incoming call", "the call to ring");
            await _phone.TypeAsync(agent);
        }

        if (hangUp)
        {
            await _phone.WaitForOutputAsync("established", "the call to connect");
            await _phone.TypeAsync("bye");
        }

        await AssertSippPassedAsync(sipp);
    }

    /// <summary>
    /// SIPp with its media on loopback on a free port (not the shared default 6000), and every SIP message it sent or
    /// received traced to the test's home, so a call that goes wrong says what SIPp saw.
    /// </summary>
    private Task<(int ExitCode, string Output)> Sipp(IEnumerable<string> arguments)
    {
        var messages = Path.Combine(_home, $"sipp-{Guid.NewGuid():N}.messages.log");
        string[] options = ["-nostdin", "-timeout", "20s", "-timeout_error", "-mi", "127.0.0.1", "-mp", $"{TwinklePhone.FreeUdpPort()}",
            "-trace_msg", "-message_file", messages];
        return Task.Run(async () =>
        {
            var (exit, output) = await Command.RunAsync("sipp", [.. options, .. arguments], timeout: TimeSpan.FromSeconds(30));
            var trace = File.Exists(messages) ? await File.ReadAllTextAsync(messages) : "(no messages traced)";
            return (exit, $"{output}\nSIP messages:\n{trace}");
        });
    }

    private static async Task<string> SippReportAsync(Task<(int ExitCode, string Output)> sipp)
    {
        var (exit, output) = await sipp;
        return $"SIPp exited {exit}:\n{output[Math.Max(0, output.Length - 6000)..]}";
    }

    private static async Task AssertSippPassedAsync(Task<(int ExitCode, string Output)> sipp)
    {
        var (exit, _) = await sipp;
        Assert.True(exit == 0, await SippReportAsync(sipp));
    }

    private string Record(string contactId) => $"{_crm.BaseUri}main.aspx?pagetype=entityrecord&etn=contact&id={contactId}";

    /// <summary>The browser runs after TrayPop has replied, so wait (to a deadline) for it; then exactly these pages.</summary>
    private async Task OpenedAsync(params string[] expected)
    {
        var opened = await OpenedAsync(expected.Length);
        Assert.Equal(expected, opened);
    }

    private async Task<IReadOnlyList<string>> OpenedAsync(int count)
    {
        await Eventually.True(() => _trayPop!.Opened.Count >= count, $"{count} page(s) to open (opened: {string.Join(", ", _trayPop!.Opened)})",
            TimeSpan.FromSeconds(60));
        return _trayPop!.Opened;
    }
}
