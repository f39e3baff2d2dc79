using System.Diagnostics;
using TrayPop.Testing;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TrayPop.Core.Calls;
using TrayPop.Core.Journal;
using TrayPop.Hosting.Journal;

namespace TrayPop.Harness;

/// <summary>
/// Journaling under fire: calls (answered, missed, rejected; inbound, outbound, predictive, internal; HTTP GET, HTTP POST
/// and line events, some without a call id) driven through a real <c>traypop run</c> while the emulator fails 30 % of
/// requests and the service is SIGKILLed and restarted; then the outbox drains and every activity is checked against
/// what was sent. Before that, the pop's own latency with journaling off and on, and the outbox write by itself.
///   dotnet run -c Release --project tests/TrayPop.Harness -- --journal 10000 [--kills 5 --workers 16 --latency-calls 1000]
/// </summary>
internal static class JournalRun
{
    private const double FailingShare = 0.3;

    public static async Task<int> RunAsync(int calls, int kills, int workers, int latencyCalls, string traypop, string bin, string work)
    {
        Console.WriteLine($"Journal run: {calls} calls, {kills} kills, {workers} softphones at once, CRM failing {FailingShare:P0} of requests; {Environment.ProcessorCount} cores; {traypop}");
        var crmPort = FreePort.Next();
        var crmUrl = new Uri($"http://127.0.0.1:{crmPort}/");
        using var crm = ChildProcess.Start("dotnet", [Path.Combine(bin, "DataverseEmulator.dll"), "--urls", crmUrl.AbsoluteUri.TrimEnd('/'), "--seed", HarnessSeed.Write(work)]);
        await Listening.WaitForAsync(crmPort);
        using var api = new HttpClient { BaseAddress = crmUrl };
        var userId = JsonDocument.Parse(await api.GetStringAsync(new Uri("api/data/v9.2/WhoAmI", UriKind.Relative))).RootElement.GetProperty("UserId").GetGuid();

        WriteOwnLatency(work);
        await PopLatencyAsync(traypop, crmUrl, work, latencyCalls);

        // The run: a fresh emulator table, faults on, the service killed now and then.
        using (var reset = await api.PostAsync(new Uri("_emulator/stats/reset", UriKind.Relative), null))
        {
            reset.EnsureSuccessStatusCode();
        }

        var before = (await PhonecallsAsync(api)).Select(a => a.GetProperty("activityid").GetGuid()).ToHashSet();
        using (var fault = await api.PostAsJsonAsync(new Uri("_emulator/faults", UriKind.Relative), new { kind = "servererror", keep = true, share = FailingShare }))
        {
            fault.EnsureSuccessStatusCode();
        }

        var outbox = Path.Combine(work, "run-journal.db");
        var service = Service.Start(traypop, crmUrl, work, "run", journal: true, outbox);
        await service.ReadyAsync();
        var plans = Enumerable.Range(0, calls).Select(CallPlan.For).ToArray();
        var done = 0;
        var next = -1;
        var killedAt = new List<int>();
        var started = Stopwatch.StartNew();
        var killer = Task.Run(async () =>
        {
            for (var k = 1; k <= kills; k++)
            {
                var at = calls * k / (kills + 1);
                while (Volatile.Read(ref done) < at)
                {
                    await Task.Delay(20);
                }

                killedAt.Add(at);
                await service.KillAndRestartAsync();
            }
        });

        var softphones = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            using var phone = new Softphone(service);
            for (var i = Interlocked.Increment(ref next); i < calls; i = Interlocked.Increment(ref next))
            {
                await phone.PlaceAsync(plans[i]);
                Interlocked.Increment(ref done);
            }
        })).ToList();
        await Task.WhenAll(softphones);
        var trafficEnd = started.Elapsed;
        await killer;

        // Drain: the outbox empties with the CRM still failing 30 % of requests.
        var waitingAtEnd = await service.WaitingAsync();
        var drainWatch = Stopwatch.StartNew();
        while (await service.WaitingAsync() is var waiting && waiting != 0)
        {
            if (drainWatch.Elapsed > TimeSpan.FromMinutes(15))
            {
                Console.WriteLine($"Outbox did not drain in 15 min: {waiting} calls still waiting");
                break;
            }

            await Task.Delay(200);
        }

        var drained = started.Elapsed;
        using (var clear = await api.DeleteAsync(new Uri("_emulator/faults", UriKind.Relative)))
        {
            clear.EnsureSuccessStatusCode();
        }

        var activities = (await PhonecallsAsync(api)).Where(a => !before.Contains(a.GetProperty("activityid").GetGuid())).ToList();
        var health = await service.HealthAsync();
        service.Dispose();

        var check = Check(plans, activities, userId);
        var journaled = check.Expected;
        Console.WriteLine();
        Console.WriteLine(Invariant($"Traffic: {calls} calls, {plans.Sum(p => p.Events.Count)} events in {trafficEnd.TotalSeconds:0.0} s; service SIGKILLed and restarted after calls {string.Join(", ", killedAt)}"));
        Console.WriteLine(Invariant($"  answered {plans.Count(p => p.Kind == CallKind.Answered)}, missed {plans.Count(p => p.Kind == CallKind.Missed)}, rejected {plans.Count(p => p.Kind == CallKind.Rejected)}; internal (not journaled) {plans.Count(p => p.Type == "internal")}; without call id {plans.Count(p => p.CallId is null)}"));
        Console.WriteLine(Invariant($"  events sent again because a kill left them without a reply: {plans.Sum(p => p.Events.Count(e => e.Attempts > 1))}; replies saying the journal write failed: {plans.Sum(p => p.Events.Count(e => e.JournalFailed))}"));
        Console.WriteLine(Invariant($"Outbox: {waitingAtEnd} calls waiting when traffic stopped, drained {(drained - trafficEnd).TotalSeconds:0.0} s later ({(waitingAtEnd == 0 ? 0 : waitingAtEnd / Math.Max(0.001, (drained - trafficEnd).TotalSeconds)):0.0} calls/s after traffic)"));
        Console.WriteLine(Invariant($"  drain rate over the whole run: {activities.Count / drained.TotalSeconds:0.0} activities/s ({activities.Count} activities in {drained.TotalSeconds:0.0} s, CRM failing {FailingShare:P0}, {kills} kills)"));
        Console.WriteLine($"  /health journal at the end: {health}");
        Console.WriteLine();
        Console.WriteLine("Checks:");
        Verdict("activities = answered calls + missed/rejected (MissedCalls on), journaled types only", activities.Count == journaled, $"{activities.Count} activities, {journaled} expected");
        Verdict("no call without its activity", check.Missing == 0, $"{check.Missing} missing");
        Verdict("duplicates 0", check.Duplicates == 0, $"{check.Duplicates} duplicates");
        Verdict("no activity for an internal call or an unknown id", check.Unexpected == 0, $"{check.Unexpected} unexpected");
        Verdict("direction right", check.WrongDirection == 0, $"{check.WrongDirection} wrong");
        Verdict("regarding right (the popped record; never another)", check.WrongRegarding == 0, $"{check.WrongRegarding} wrong, {check.MissedWithRegarding}/{check.MissedCalls} missed calls regard the ring's record");
        Verdict("duration right (answer → end, whole minutes; missed 0)", check.WrongDuration == 0, $"{check.WrongDuration} wrong");
        Verdict("every activity completed (received / made)", check.NotClosed == 0, $"{check.NotClosed} open");
        return check.Failures == 0 && activities.Count == journaled ? 0 : 1;
    }

    /// <summary>One outbox write by itself, in process: what the pop path pays to queue it, and how long until it is on disk.</summary>
    private static void WriteOwnLatency(string work)
    {
        var status = new JournalStatus();
        using var outbox = new SqliteOutbox(Path.Combine(work, "write-latency.db"), status, TimeProvider.System);
        var queue = new List<double>();
        var durable = new List<double>();
        for (var i = 0; i < 3000; i++)
        {
            var watch = Stopwatch.StartNew();
            var write = outbox.AppendAsync(new JournalEvent($"id:w{i}", $"w{i}", CallPhase.Answer, DateTimeOffset.UtcNow, "+12065550100", CallType.Inbound, "Contact 1", null));
            queue.Add(watch.Elapsed.TotalMilliseconds);
            write.GetAwaiter().GetResult();
            durable.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"Outbox write by itself (SQLite WAL, synchronous=FULL, {queue.Count} writes one after another):");
        Console.WriteLine($"  queued (on the pop path)    {Percentiles.Of(queue.Skip(100).ToList())}");
        Console.WriteLine($"  committed to disk (reply)   {Percentiles.Of(durable.Skip(100).ToList())}");
    }

    /// <summary>
    /// Pop latency (event received → launcher called, the reply's elapsedMs) and the reply round trip, journaling off and
    /// on: two services side by side against the same emulator, calls alternating between them, so both see the same load.
    /// </summary>
    private static async Task PopLatencyAsync(string traypop, Uri crmUrl, string work, int count)
    {
        using var off = Service.Start(traypop, crmUrl, work, "latency-off", journal: false, null);
        using var on = Service.Start(traypop, crmUrl, work, "latency-on", journal: true, Path.Combine(work, "latency-journal.db"));
        await off.ReadyAsync();
        await on.ReadyAsync();
        var pops = new Dictionary<bool, (List<double> Pop, List<double> Reply)> { [false] = ([], []), [true] = ([], []) };
        using var offPhone = new Channels(off.Port, off.LinePort);
        using var onPhone = new Channels(on.Port, on.LinePort);
        for (var i = -100; i < count; i++)
        {
            foreach (var journal in new[] { i % 2 == 0, i % 2 != 0 })
            {
                var phone = journal ? onPhone : offPhone;
                var number = HarnessSeed.CallerId(Math.Abs(i) % HarnessSeed.Contacts);
                var id = $"lat-{(journal ? "on" : "off")}-{i}";
                // Answered without a ring first, so each pop waits for its own lookup, as a pop on a cold call does.
                var watch = Stopwatch.StartNew();
                var reply = await phone.SendAsync("http-get", number, id, "inbound", "answer");
                var replyMs = watch.Elapsed.TotalMilliseconds;
                await phone.SendAsync("http-get", number, id, "inbound", "end");
                if (i >= 0 && reply.TryGetProperty("elapsedMs", out var elapsed))
                {
                    pops[journal].Pop.Add(elapsed.GetDouble());
                    pops[journal].Reply.Add(replyMs);
                }
            }
        }

        Console.WriteLine($"Pop latency, answer events over HTTP (lookup included), journaling off and on (two services side by side, calls alternating, no CRM faults):");
        foreach (var (journal, (pop, reply)) in pops)
        {
            Console.WriteLine($"  journal {(journal ? "on " : "off")}  pop (received → launcher)  {Percentiles.Of(pop)}");
            Console.WriteLine($"  {"",11} reply round trip           {Percentiles.Of(reply)}");
        }

        var offPop = Percentiles.Of(pops[false].Pop);
        var onPop = Percentiles.Of(pops[true].Pop);
        var offReply = Percentiles.Of(pops[false].Reply);
        var onReply = Percentiles.Of(pops[true].Reply);
        Console.WriteLine(Invariant($"  added by journaling: pop p50 {onPop.P50 - offPop.P50:+0.000;-0.000} ms, p99 {onPop.P99 - offPop.P99:+0.000;-0.000} ms; reply p50 {onReply.P50 - offReply.P50:+0.000;-0.000} ms, p99 {onReply.P99 - offReply.P99:+0.000;-0.000} ms"));
    }

    private static async Task<List<JsonElement>> PhonecallsAsync(HttpClient api)
    {
        var rows = new List<JsonElement>();
        var url = "api/data/v9.2/phonecalls?$select=activityid,subject,phonenumber,directioncode,actualstart,actualend,actualdurationminutes,_regardingobjectid_value,statecode,statuscode";
        while (url is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.RelativeOrAbsolute));
            request.Headers.Add("Prefer", "odata.maxpagesize=5000");
            using var response = await api.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            rows.AddRange(page.GetProperty("value").EnumerateArray().Select(r => r.Clone()));
            url = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return rows;
    }

    private static JournalCheck Check(CallPlan[] plans, List<JsonElement> activities, Guid userId)
    {
        var check = new JournalCheck();
        var byId = activities.GroupBy(a => a.GetProperty("activityid").GetGuid()).ToDictionary(g => g.Key, g => g.ToList());
        var byNumber = activities.GroupBy(a => a.GetProperty("phonenumber").GetString() ?? "").ToDictionary(g => g.Key, g => g.ToList());
        var matched = new HashSet<Guid>();
        // Calls with an id first (their activity id is known), then those without, among the activities left.
        foreach (var plan in plans.OrderBy(p => p.CallId is null))
        {
            List<JsonElement> found;
            if (plan.CallId is { } callId)
            {
                var id = ActivityIds.V5(ActivityIds.Namespace, $"{userId:D}|id|{callId}");
                found = byId.GetValueOrDefault(id) ?? [];
            }
            else
            {
                // A call without an id is named by its number and answer time: found by its number, unique among such calls.
                found = [.. (byNumber.GetValueOrDefault(plan.E164) ?? []).Where(a => !matched.Contains(a.GetProperty("activityid").GetGuid()))
                    .Where(a => plan.Window(a.GetProperty("actualstart").GetDateTimeOffset()))];
            }

            found.ForEach(a => matched.Add(a.GetProperty("activityid").GetGuid()));
            if (!plan.Journaled)
            {
                check.Unexpected += found.Count;
                continue;
            }

            check.Expected++;
            if (found.Count == 0)
            {
                check.Missing++;
                continue;
            }

            check.Duplicates += found.Count - 1;
            var activity = found[0];
            if (activity.GetProperty("directioncode").GetBoolean() != (plan.Type is "outbound" or "predictive"))
            {
                check.WrongDirection++;
            }

            var regarding = activity.TryGetProperty("_regardingobjectid_value", out var r) && r.ValueKind == JsonValueKind.String ? r.GetGuid() : (Guid?)null;
            if (regarding is not null && regarding != plan.Record)
            {
                check.WrongRegarding++;
            }

            if (plan.Kind == CallKind.Answered && regarding is null && plan.PoppedRecord is not null)
            {
                check.WrongRegarding++;
            }

            if (plan.Kind != CallKind.Answered)
            {
                check.MissedCalls++;
                check.MissedWithRegarding += regarding is null ? 0 : 1;
            }

            var minutes = activity.GetProperty("actualdurationminutes").GetInt32();
            var start = activity.GetProperty("actualstart").GetDateTimeOffset();
            var end = activity.GetProperty("actualend").GetDateTimeOffset();
            // The CRM keeps whole seconds: the call lasted between (end − start) − 1 s and (end − start) + 1 s, and counts
            // whole minutes rounded up (a call of a few milliseconds is one minute); a missed call is 0.
            var (shortest, longest) = ((end - start).TotalMinutes - 1 / 60.0, (end - start).TotalMinutes + 1 / 60.0);
            var durationFits = plan.Kind == CallKind.Answered
                ? minutes >= Math.Max(0, Math.Ceiling(shortest)) && minutes <= Math.Ceiling(longest)
                : minutes == 0;
            if (!durationFits || end < start || !plan.Window(start) || !plan.Window(end))
            {
                check.WrongDuration++;
            }

            if (activity.GetProperty("statecode").GetInt32() != 1 || activity.GetProperty("statuscode").GetInt32() != (plan.Type is "outbound" or "predictive" ? 2 : 4))
            {
                check.NotClosed++;
            }
        }

        check.Unexpected += activities.Count(a => !matched.Contains(a.GetProperty("activityid").GetGuid()));
        return check;
    }

    private static void Verdict(string what, bool met, string figure) => Console.WriteLine($"  {(met ? "ok  " : "FAIL")}  {what,-85} {figure}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class JournalCheck
    {
        public int Expected { get; set; }

        public int Missing { get; set; }

        public int Duplicates { get; set; }

        public int Unexpected { get; set; }

        public int WrongDirection { get; set; }

        public int WrongRegarding { get; set; }

        public int WrongDuration { get; set; }

        public int NotClosed { get; set; }

        public int MissedCalls { get; set; }

        public int MissedWithRegarding { get; set; }

        public int Failures => Missing + Duplicates + Unexpected + WrongDirection + WrongRegarding + WrongDuration + NotClosed;
    }
}
