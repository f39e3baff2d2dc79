using System.Net;
using System.Text.Json.Nodes;
using DataverseEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Core.Journal;
using TrayPop.Testing;

namespace TrayPop.Hosting.Tests.Journal;

/// <summary>Calls through the real intake, outbox and sender into the emulator's phonecalls, on a fake clock.</summary>
public sealed class JournalTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "traypop-tests", "journal", Guid.NewGuid().ToString("N") + ".db");
    private RunningService? _service;

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    private async Task<RunningService> StartAsync(params string[] settings) =>
        _service = await RunningService.StartAsync(["--TrayPop:Journal:Enabled=true", $"--TrayPop:Journal:Outbox={_outbox}", .. settings], _time);

    private static async Task SendAsync(RunningService service, string query)
    {
        using var response = await service.Http.GetAsync(new Uri("/call?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>The record the outbox holds for a call, read straight from its file.</summary>
    private string? OutboxRegarding(string callId)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_outbox};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT regarding_id FROM calls WHERE call_id = $id";
        command.Parameters.AddWithValue("$id", callId);
        return command.ExecuteScalar() as string;
    }

    private static JournalStatus Status(RunningService service) => service.Services.GetRequiredService<JournalStatus>();

    private static async Task<JsonObject> OnlyCallAsync(RunningService service)
    {
        await Eventually.TrueAsync(() => Status(service).Waiting == 0 && service.Crm.CountRecords("phonecalls") >= 1, "the call was journaled");
        return Assert.Single(service.Crm.GetRecords("phonecalls"));
    }

    // The clock moves only once the answer is handled: the lookup in flight runs on the same fake clock.
    private async Task CallAsync(
        RunningService service, string id, string number = "%2B14255550101", string type = "inbound", int minutes = 3, Action? beforeEnd = null)
    {
        await SendAsync(service, $"number={number}&type={type}&phase=ring&callId={id}");
        await SendAsync(service, $"number={number}&type={type}&phase=answer&callId={id}");
        _time.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(10));
        beforeEnd?.Invoke();
        await SendAsync(service, $"number={number}&type={type}&phase=end&callId={id}");
    }

    [Fact]
    public async Task AnsweredCall_BecomesOneCompletedPhonecall_RegardingThePoppedContact()
    {
        var service = await StartAsync();

        await CallAsync(service, "c1");

        var call = await OnlyCallAsync(service);
        Assert.Equal("Incoming call Jane Doe +14255550101", call["subject"]!.ToString());
        Assert.Equal("+14255550101", call["phonenumber"]!.ToString());
        Assert.False(call["directioncode"]!.GetValue<bool>());
        Assert.Equal(3, call["actualdurationminutes"]!.GetValue<int>());
        Assert.Equal(TestSeed.JaneId, call["_regardingobjectid_value"]!.ToString());
        Assert.Equal(1, call["statecode"]!.GetValue<int>());
        Assert.Equal(4, call["statuscode"]!.GetValue<int>());
        Assert.StartsWith("2026-11-25T09:00:00", call["actualstart"]!.ToString(), StringComparison.Ordinal);
        Assert.True(Status(service).IsLogged("c1"));
    }

    [Fact]
    public async Task OutboundCall_ToUnknownNumber_IsMadeAndRegardsNothing()
    {
        var service = await StartAsync("--TrayPop:Journal:Subject=Call {direction}: {number}");

        await CallAsync(service, "o1", number: "%2B14255550177", type: "outbound");

        var call = await OnlyCallAsync(service);
        Assert.Equal("Call Outgoing: +14255550177", call["subject"]!.ToString());
        Assert.True(call["directioncode"]!.GetValue<bool>());
        Assert.Equal(2, call["statuscode"]!.GetValue<int>());
        Assert.Null(call["_regardingobjectid_value"]);
    }

    [Fact]
    public async Task SameEvents_Replayed_AfterTheCallWasLogged_MakeNoSecondActivity()
    {
        var service = await StartAsync();
        await CallAsync(service, "r1");
        var first = await OnlyCallAsync(service);

        await CallAsync(service, "r1");
        _time.Advance(TimeSpan.FromHours(5));
        await Eventually.TrueAsync(() => Status(service).Waiting == 0, "the outbox is empty");

        var again = Assert.Single(service.Crm.GetRecords("phonecalls"));
        Assert.Equal(first["activityid"]!.ToString(), again["activityid"]!.ToString());
        Assert.Equal(first["actualend"]!.ToString(), again["actualend"]!.ToString());
    }

    [Fact]
    public async Task CallWithoutCallId_FromTwoChannels_IsOneActivity()
    {
        var service = await StartAsync();

        await SendAsync(service, "number=%2B14255550101&phase=answer");
        await LineClient.SendAsync(service.LinePort, "{\"number\":\"+14255550101\",\"phase\":\"answer\"}\n", 1);
        _time.Advance(TimeSpan.FromMinutes(2));
        await SendAsync(service, "number=%2B14255550101&phase=end");
        await LineClient.SendAsync(service.LinePort, "{\"number\":\"+14255550101\",\"phase\":\"end\"}\n", 1);

        var call = await OnlyCallAsync(service);
        Assert.Equal(2, call["actualdurationminutes"]!.GetValue<int>());
        _time.Advance(TimeSpan.FromHours(5));
        await Eventually.TrueAsync(() => Status(service).Waiting == 0, "the outbox is empty");
        Assert.Equal(1, service.Crm.CountRecords("phonecalls"));
    }

    [Fact]
    public async Task CallNeverAnswered_IsNotJournaled()
    {
        var service = await StartAsync();

        await SendAsync(service, "number=%2B14255550101&phase=ring&callId=m1");
        _time.Advance(TimeSpan.FromSeconds(20));
        await SendAsync(service, "number=%2B14255550101&phase=end&callId=m1");

        await Eventually.TrueAsync(() => Status(service).Waiting == 0, "the call was dropped");
        Assert.Equal(0, service.Crm.CountRecords("phonecalls"));
    }

    [Fact]
    public async Task CallNeverAnswered_WithMissedCalls_IsJournaledAsMissedOfZeroMinutes_RegardingWhatTheRingFound()
    {
        var service = await StartAsync("--TrayPop:Journal:MissedCalls=true");

        await SendAsync(service, "number=%2B14255550101&phase=ring&callId=m2");
        // The ring's lookup answers in real time while this clock stands still: let it land on the call, as it would long
        // before a real caller gives up, before the end arrives and the call may be sent.
        await Eventually.TrueAsync(() => OutboxRegarding("m2") is not null, "the ring's lookup found the caller");
        _time.Advance(TimeSpan.FromSeconds(20));
        await SendAsync(service, "number=%2B14255550101&phase=end&callId=m2");

        var call = await OnlyCallAsync(service);
        // Nothing popped (the rule pops on answer), but the ring's lookup found one record: the missed call regards it.
        Assert.Equal("Missed call Jane Doe +14255550101", call["subject"]!.ToString());
        Assert.Equal(TestSeed.JaneId, call["_regardingobjectid_value"]!.ToString());
        Assert.Equal(0, call["actualdurationminutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task MissedCallFromSeveralRecords_RegardsNothing()
    {
        var service = await StartAsync("--TrayPop:Journal:MissedCalls=true");

        await SendAsync(service, "number=%2B12065550100&phase=ring&callId=m3");
        await SendAsync(service, "number=%2B12065550100&phase=end&callId=m3");

        var call = await OnlyCallAsync(service);
        Assert.StartsWith("Missed call", call["subject"]!.ToString(), StringComparison.Ordinal);
        Assert.Null(call["_regardingobjectid_value"]);
    }

    [Fact]
    public async Task CallTypeNotJournaled_WritesNothing()
    {
        var service = await StartAsync("--TrayPop:Journal:CallTypes=outbound");

        await CallAsync(service, "t1");

        Assert.Equal(0, Status(service).Waiting);
        Assert.Equal(0, service.Crm.CountRecords("phonecalls"));
    }

    [Fact]
    public async Task AnswerWithoutEnd_IsClosedAfterMaxCallLength_WithWhatIsKnown()
    {
        var service = await StartAsync("--TrayPop:Journal:MaxCallLength=01:00:00");

        await SendAsync(service, "number=%2B14255550101&phase=answer&callId=x1");
        _time.Advance(TimeSpan.FromMinutes(59));
        await Eventually.TrueAsync(() => Status(service).Waiting == 1, "the call waits");
        Assert.Equal(0, service.Crm.CountRecords("phonecalls"));

        _time.Advance(TimeSpan.FromMinutes(1));

        var call = await OnlyCallAsync(service);
        Assert.Null(call["actualend"]);
        Assert.Contains("never reported the end", call["description"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, call["statecode"]!.GetValue<int>());
    }

    [Fact]
    public async Task CrmOutage_KeepsTheCallWaiting_ThenSendsItOnceTheCrmIsBack()
    {
        var service = await StartAsync();
        await CallAsync(service, "o2", beforeEnd: () => service.Crm.Faults.Keep(EmulatorFault.ServiceUnavailable()));
        await AdvanceUntilAsync(() => Status(service).LastError is not null, "the sender met the outage");
        Assert.Equal(1, Status(service).Waiting);
        Assert.Equal(0, service.Crm.CountRecords("phonecalls"));

        service.Crm.Faults.Clear();
        await AdvanceUntilAsync(() => Status(service).Waiting == 0, "the call was sent after the outage");

        var call = Assert.Single(service.Crm.GetRecords("phonecalls"));
        Assert.Equal(1, call["statecode"]!.GetValue<int>());
        Assert.Null(Status(service).LastError);
    }

    [Fact]
    public async Task Throttled_WaitsForRetryAfter_ThenSends()
    {
        var service = await StartAsync();
        await CallAsync(service, "t2", beforeEnd: () => service.Crm.Faults.Keep(EmulatorFault.Throttle(TimeSpan.FromSeconds(40))));
        await AdvanceUntilAsync(() => Status(service).LastError is not null, "the sender was throttled");
        Assert.Equal(1, Status(service).Waiting);

        service.Crm.Faults.Clear();
        await AdvanceUntilAsync(() => Status(service).Waiting == 0, "the call was sent after Retry-After");
        Assert.Equal(1, service.Crm.CountRecords("phonecalls"));
    }

    // A second at a time, letting the sender act on each before the next: racing the clock ahead on a busy machine left
    // the sender's retries behind it.
    private Task AdvanceUntilAsync(Func<bool> condition, string what) =>
        _time.AdvanceUntilAsync(condition, what, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), settle: TimeSpan.FromMilliseconds(20));
}
