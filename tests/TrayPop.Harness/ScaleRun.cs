using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using TrayPop.Testing;

namespace TrayPop.Harness;

/// <summary>
/// <c>--scale N</c>: the phone-key index on a generated organisation of N contacts (plus N/10 accounts and leads, with
/// near-miss decoys), everything a real process: the emulator, <c>traypop index setup</c>, <c>traypop index sync --once</c>,
/// the service with <c>Keys</c> and then with <c>Pattern</c>, each expected caller in several formats through the HTTP
/// intake, the emulator's cost counters read around every pop; then one record's number changed and a delta sync.
/// </summary>
internal static class ScaleRun
{
    private static readonly string[] Regions = ["US", "GB", "AU", "DE", "FR"];

    public static async Task<int> RunAsync(int contacts, string traypop, string bin, string work, int patternCallers)
    {
        var total = Stopwatch.StartNew();
        var crmPort = FreePort.Next();
        var crmUrl = $"http://127.0.0.1:{crmPort}";
        Console.WriteLine(Invariant($"Scale run: {contacts:N0} generated contacts, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {traypop}"));

        var loading = Stopwatch.StartNew();
        using var crm = ChildProcess.Start("dotnet", [Path.Combine(bin, "DataverseEmulator.dll"), "--urls", crmUrl, "--generated-seed", contacts.ToString(CultureInfo.InvariantCulture)]);
        await Listening.WaitForAsync(crmPort, TimeSpan.FromMinutes(5));
        using var http = new HttpClient { BaseAddress = new Uri(crmUrl), Timeout = TimeSpan.FromMinutes(2) };
        using var callers = JsonDocument.Parse(await http.GetStringAsync(new Uri("/_emulator/callers", UriKind.Relative)));
        var root = callers.RootElement;
        long rows = root.GetProperty("contacts").GetInt64() + root.GetProperty("accounts").GetInt64() + root.GetProperty("leads").GetInt64();
        Console.WriteLine(Invariant($"  emulator: {root.GetProperty("contacts").GetInt64():N0} contacts, {root.GetProperty("accounts").GetInt64():N0} accounts, {root.GetProperty("leads").GetInt64():N0} leads loaded and listening in {loading.Elapsed.TotalSeconds:0.0} s; working set {Megabytes(crm.Memory().WorkingSet)} MB"));

        var state = Path.Combine(work, "index-state");
        List<string> Org(params string[] more) =>
        [
            $"--TrayPop:Dataverse:Url={crmUrl}", "--TrayPop:Dataverse:Auth:Mode=None", "--TrayPop:Phone:DefaultRegion=US",
            $"--TrayPop:Index:StateDirectory={state}", $"--TrayPop:Logging:Directory={Path.Combine(work, "logs")}",
            .. Regions.Select((r, i) => $"--TrayPop:Index:Regions:{i}={r}"), .. more,
        ];

        var (setupExit, setupTime) = await ChildProcess.RunAsync(traypop, ["index", "setup", .. Org()]);
        Console.WriteLine(Invariant($"  index setup: exit {setupExit} in {setupTime.TotalSeconds:0.0} s (table, columns, key; waits for the key's index to be Active)"));
        await ResetStatsAsync(http);
        var (syncExit, syncTime) = await ChildProcess.RunAsync(traypop, ["index", "sync", "--once", .. Org()]);
        var backfill = await StatsAsync(http);
        var keys = long.Parse(await http.GetStringAsync(new Uri("/api/data/v9.2/tp_phonekeys/$count", UriKind.Relative)), CultureInfo.InvariantCulture);
        Console.WriteLine(Invariant($"  index sync --once (backfill): exit {syncExit}; {rows:N0} records in {syncTime.TotalSeconds:0.0} s = {rows / syncTime.TotalSeconds:N0} records/s; {keys:N0} key rows; {backfill.Requests:N0} requests, {backfill.Scanned:N0} rows scanned"));
        if (setupExit != 0 || syncExit != 0)
        {
            return 1;
        }

        var expected = root.GetProperty("callers").EnumerateArray().Select(c => c.Clone()).ToList();
        var keysRun = await PopsAsync("Keys", traypop, Org, http, expected, int.MaxValue);
        var patternRun = await PopsAsync("Pattern", traypop, Org, http, expected, patternCallers);
        await DeltaAsync(traypop, Org, http, expected);
        Console.WriteLine(Invariant($"Scale run done in {total.Elapsed.TotalSeconds:0} s."));
        return keysRun.Wrong == 0 && keysRun.Missed == 0 && keysRun.Scanned == 0 && patternRun.Wrong == 0 ? 0 : 1;
    }

    /// <summary>Every expected caller in several formats through the running service's HTTP intake, counters reset around each pop.</summary>
    private static async Task<(int Wrong, int Missed, long Scanned)> PopsAsync(
        string strategy, string traypop, Func<string[], List<string>> org, HttpClient crm, List<JsonElement> expected, int limit)
    {
        var port = FreePort.Next();
        using var service = ChildProcess.Start(traypop, ["run", .. org(
        [
            $"--TrayPop:Lookup:Strategy={strategy}", $"--TrayPop:Listener:Port={port}", $"--TrayPop:Listener:LinePort={FreePort.Next()}",
            "--TrayPop:Browser:Command=/bin/true {url}", "--TrayPop:Pop:RateLimit:Pops=1000000", "--TrayPop:Pop:DedupeWindow=00:00:00",
            "--TrayPop:Listener:MaxEventsPerSecond=1000000", "--TrayPop:Listener:MaxLookupsPerSecond=1000",
        ])]);
        await Listening.WaitForAsync(port, TimeSpan.FromMinutes(1));
        using var channels = new Channels(port, 0);
        // One warm-up pop: the service's first lookup settles its connections and JIT.
        await channels.SendAsync("http-get", "+14255550000", "warm-up");

        var latencies = new List<double>();
        long requests = 0, scanned = 0, sought = 0;
        int pops = 0, wrong = 0, missed = 0, found = 0, scannedShown = 0;
        var actions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var caller in expected.Take(limit))
        {
            var number = caller.GetProperty("caller").GetString()!;
            var outcome = caller.GetProperty("outcome").GetString()!;
            var ids = caller.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToHashSet();
            var stored = string.Join(" / ", caller.GetProperty("matches").EnumerateArray().Select(m => $"{m.GetProperty("stored").GetString()} ({m.GetProperty("format").GetString()})"));
            foreach (var presented in Formats(number))
            {
                await ResetStatsAsync(crm);
                var watch = Stopwatch.StartNew();
                var reply = await channels.SendAsync("http-get", presented, $"{strategy}-{pops}");
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                var stats = await StatsAsync(crm);
                pops++;
                requests += stats.Requests;
                scanned += stats.Scanned;
                sought += stats.Sought;
                if (stats.Scanned > 0 && scannedShown++ < 5)
                {
                    Console.WriteLine(Invariant($"    scanned {stats.Scanned:N0} rows: {presented} → {reply}"));
                }

                var action = reply.TryGetProperty("action", out var a) ? a.GetString() ?? "none" : "none";
                var got = reply.TryGetProperty("matches", out var m) ? m.EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToList() : null;
                actions[action] = actions.GetValueOrDefault(action) + 1;
                if (got is null)
                {
                    Console.WriteLine($"    no answer: {presented} ({outcome}) → {reply}");
                    missed++;
                    continue;
                }

                if (got.Any(id => !ids.Contains(id)))
                {
                    wrong++;
                    Console.WriteLine($"    WRONG: {presented} ({outcome}) found {string.Join(", ", got)}");
                }
                else if (got.Count != ids.Count)
                {
                    missed++;
                    Console.WriteLine($"    missed: {presented} ({outcome}) found {got.Count} of {ids.Count}; stored {stored}");
                }
                else
                {
                    found++;
                }
            }
        }

        var p = Percentiles.Of(latencies);
        Console.WriteLine(Invariant($"  {strategy}: {pops} pops ({expected.Take(limit).Count()} expected callers × {pops / Math.Max(1, expected.Take(limit).Count())} formats) through GET /call"));
        Console.WriteLine(Invariant($"    answered as expected {found}, wrong record {wrong}, not answered/missed {missed}; actions {string.Join(", ", actions.Select(x => $"{x.Key} {x.Value}"))}"));
        Console.WriteLine(Invariant($"    per pop: {requests / (double)pops:0.00} requests, {scanned / (double)pops:N0} rows scanned, {sought / (double)pops:0.0} rows sought"));
        Console.WriteLine(Invariant($"    event → reply latency: {p}"));
        return (wrong, missed, scanned);
    }

    /// <summary>One contact's number changed through the Web API; the time until a pop finds it by the new number after <c>sync --once</c>.</summary>
    private static async Task DeltaAsync(string traypop, Func<string[], List<string>> org, HttpClient crm, List<JsonElement> expected)
    {
        var contact = expected.Select(c => c.GetProperty("matches").EnumerateArray().FirstOrDefault())
            .First(m => m.ValueKind == JsonValueKind.Object && m.GetProperty("entity").GetString() == "contact");
        var id = contact.GetProperty("id").GetGuid();
        const string NewNumber = "+1 907 555 0199";
        var port = FreePort.Next();
        using var service = ChildProcess.Start(traypop, ["run", .. org(
        [
            "--TrayPop:Lookup:Strategy=Keys", $"--TrayPop:Listener:Port={port}", $"--TrayPop:Listener:LinePort={FreePort.Next()}",
            "--TrayPop:Browser:Command=/bin/true {url}", "--TrayPop:Pop:DedupeWindow=00:00:00",
        ])]);
        await Listening.WaitForAsync(port, TimeSpan.FromMinutes(1));
        using var channels = new Channels(port, 0);
        var before = await channels.SendAsync("http-get", "+19075550199", "delta-before");

        var changed = Stopwatch.StartNew();
        using var patch = new StringContent($$"""{"telephone1":"{{NewNumber}}"}""", Encoding.UTF8, "application/json");
        using var response = await crm.PatchAsync(new Uri($"/api/data/v9.2/contacts({id})", UriKind.Relative), patch);
        var (exit, syncTime) = await ChildProcess.RunAsync(traypop, ["index", "sync", "--once", .. org([])]);
        var after = await channels.SendAsync("http-get", "+19075550199", "delta-after");
        var findable = changed.Elapsed;
        var foundAfter = after.TryGetProperty("matches", out var m) && m.EnumerateArray().Any(x => x.GetProperty("id").GetGuid() == id);
        Console.WriteLine(Invariant($"  delta: contact {id} telephone1 → {NewNumber} (PATCH {(int)response.StatusCode}); before: {Outcome(before)}; sync --once exit {exit} in {syncTime.TotalSeconds:0.00} s; after: {Outcome(after)}, {(foundAfter ? "found" : "NOT found")}; change → findable {findable.TotalSeconds:0.00} s"));
    }

    private static string Outcome(JsonElement reply) => reply.TryGetProperty("outcome", out var o) ? o.GetString()! : "(no lookup result)";

    /// <summary>The number as softphones present it: E.164, a SIP URI, a tel URI, and national dialling for North American numbers.</summary>
    private static IEnumerable<string> Formats(string e164)
    {
        yield return e164;
        yield return $"sip:{e164}@pbx.example.com;user=phone";
        yield return $"tel:{e164}";
        if (e164.StartsWith("+1", StringComparison.Ordinal) && e164.Length == 12)
        {
            yield return $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}";
        }
        else
        {
            yield return "011" + e164[1..];
        }
    }

    private static async Task ResetStatsAsync(HttpClient crm)
    {
        using var response = await crm.PostAsync(new Uri("/_emulator/stats/reset", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<(long Requests, long Scanned, long Sought)> StatsAsync(HttpClient crm)
    {
        using var stats = JsonDocument.Parse(await crm.GetStringAsync(new Uri("/_emulator/stats", UriKind.Relative)));
        var r = stats.RootElement;
        return (r.GetProperty("requests").GetInt64(), r.GetProperty("rowsScanned").GetInt64(), r.GetProperty("rowsSeeked").GetInt64());
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
