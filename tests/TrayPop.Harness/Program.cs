using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TrayPop.Core.Phones;
using TrayPop.Harness;
using TrayPop.Testing;

// The pop-latency and footprint harness: emulator and service as real processes, measured from outside.
//   dotnet run -c Release --project tests/TrayPop.Harness [-- --events 2000 --idle-seconds 60 --pop-runs 30 --traypop PATH]
// Without --traypop it publishes traypop ReadyToRun (as the installer ships TrayPop.exe) and measures that build.
// Scale mode: the phone-key index on a generated organisation (see ScaleRun):
//   dotnet run -c Release --project tests/TrayPop.Harness -- --scale 1000000 [--pattern-callers 50 --traypop PATH]
// Fuzz mode: the test suite's intake fuzz cases against a running traypop (see FuzzMode); the plain build unless --traypop:
//   dotnet run -c Release --project tests/TrayPop.Harness -- --fuzz 1000000 [--traypop PATH]
// Journal mode: calls through a real traypop run with the CRM failing 30 % of requests and the service SIGKILLed (see JournalRun):
//   dotnet run -c Release --project tests/TrayPop.Harness -- --journal 10000 [--kills 5 --workers 16 --latency-calls 1000 --traypop PATH]
if (args.Contains("--fuzz"))
{
    var fuzzWork = Directory.CreateTempSubdirectory("traypop-fuzz-").FullName;
    var fuzzTraypop = OptionText("--traypop") ?? PlainBuild();
    var code = await FuzzMode.RunAsync(OptionText("--fuzz") is { } n && !n.StartsWith("--", StringComparison.Ordinal) ? int.Parse(n, CultureInfo.InvariantCulture) : 1_000_000, fuzzTraypop, AppContext.BaseDirectory, fuzzWork);
    Directory.Delete(fuzzWork, recursive: true);
    return code;
}

if (OptionText("--journal") is not null)
{
    var journalWork = Directory.CreateTempSubdirectory("traypop-journal-").FullName;
    var journalTraypop = OptionText("--traypop") ?? PlainBuild();
    var code = await JournalRun.RunAsync(
        Option("--journal", 10_000), Option("--kills", 5), Option("--workers", 16), Option("--latency-calls", 1000), journalTraypop, AppContext.BaseDirectory, journalWork);
    Directory.Delete(journalWork, recursive: true);
    return code;
}

if (OptionText("--scale") is not null)
{
    var scaleWork = Directory.CreateTempSubdirectory("traypop-scale-").FullName;
    var scaleTraypop = OptionText("--traypop") ?? await Publish.ReadyToRunAsync(scaleWork);
    var code = await ScaleRun.RunAsync(Option("--scale", 1_000_000), scaleTraypop, AppContext.BaseDirectory, scaleWork, Option("--pattern-callers", 50));
    Directory.Delete(scaleWork, recursive: true);
    return code;
}

var events = Option("--events", 2000);
var idleSeconds = Option("--idle-seconds", 60);
var popRuns = Option("--pop-runs", 30);
var bin = AppContext.BaseDirectory;
var work = Directory.CreateTempSubdirectory("traypop-harness-").FullName;
var built = PlainBuild();
var traypop = OptionText("--traypop") ?? await Publish.ReadyToRunAsync(work);
var crmPort = FreePort.Next();
var crmUrl = new Uri($"http://127.0.0.1:{crmPort}/");

Console.WriteLine($"TrayPop harness: {events} events per channel, {Environment.ProcessorCount} cores, .NET {Environment.Version}; measuring {traypop}");
using var crm = ChildProcess.Start("dotnet", [Path.Combine(bin, "DataverseEmulator.dll"), "--urls", crmUrl.AbsoluteUri.TrimEnd('/'), "--seed", HarnessSeed.Write(work)]);
await Listening.WaitForAsync(crmPort, poll: TimeSpan.FromMilliseconds(1));
using var probe = new CrmProbe(crmUrl);

List<string> Settings(int port, int linePort) =>
[
    $"--TrayPop:Dataverse:Url={crmUrl.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None", "--TrayPop:Phone:DefaultRegion=US",
    $"--TrayPop:Listener:Port={port}", $"--TrayPop:Listener:LinePort={linePort}", $"--TrayPop:Logging:Directory={Path.Combine(work, "logs")}",
    "--TrayPop:Browser:Command=/bin/true {url}", "--TrayPop:Pop:RateLimit:Pops=1000000", "--TrayPop:Pop:DedupeWindow=00:00:00",
    "--TrayPop:Listener:MaxEventsPerSecond=1000000", "--TrayPop:Listener:MaxLookupsPerSecond=1000",
];

// Start-up: process start → listener accepting, then → the first call event answered (one CRM round trip
// included), several cold starts of the measured build and, for comparison, of the plain `dotnet build` output.
async Task<(List<double> Accepting, List<double> FirstPop)> ColdStartsAsync(string program)
{
    var accepting = new List<double>();
    var firstPop = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        var port = FreePort.Next();
        var watch = Stopwatch.StartNew();
        using var cold = ChildProcess.Start(program, ["run", .. Settings(port, FreePort.Next())]);
        await Listening.WaitForAsync(port, poll: TimeSpan.FromMilliseconds(1));
        accepting.Add(watch.Elapsed.TotalMilliseconds);
        using var first = new Channels(port, 0);
        await first.SendAsync("http-get", HarnessSeed.CallerId(i), $"cold-{i}");
        firstPop.Add(watch.Elapsed.TotalMilliseconds);
    }

    return (accepting, firstPop);
}

var (starts, firstPops) = await ColdStartsAsync(traypop);
var (builtStarts, builtFirstPops) = traypop == built ? (starts, firstPops) : await ColdStartsAsync(built);

var servicePort = FreePort.Next();
var serviceLinePort = FreePort.Next();
using var service = ChildProcess.Start(traypop, ["run", .. Settings(servicePort, serviceLinePort)]);
await Listening.WaitForAsync(servicePort, poll: TimeSpan.FromMilliseconds(1));
var afterStart = service.Memory();

var parser = new CallerIdParser(Options.Create(new PhoneOptions { DefaultRegion = "US" }));
var channels = new Channels(servicePort, serviceLinePort);
var pops = 0;
(long WorkingSet, long Private)? afterThousand = null;
void Popped()
{
    if (++pops == 1000)
    {
        afterThousand = service.Memory();
    }
}

var warmup = 300;
for (var i = 0; i < warmup; i++)
{
    await channels.SendAsync(Channels.Names[i % Channels.Names.Length], HarnessSeed.CallerId(i), $"warm-{i}");
    Popped();
    await probe.BatchRoundTripAsync(parser.Parse(HarnessSeed.CallerId(i)));
    await probe.NaiveLookupAsync(HarnessSeed.CallerId(i));
}

var results = new Dictionary<string, (Percentiles Pop, Percentiles Crm, Percentiles Overhead, double RequestsPerPop, int Found)>();
foreach (var channel in Channels.Names)
{
    var popTimes = new List<double>();
    var crmTimes = new List<double>();
    var overheads = new List<double>();
    var found = 0;
    var before = await probe.RequestCountAsync();
    var requestsByProbe = 0;
    for (var i = 0; i < events; i++)
    {
        // Nine calls in ten are known customers, stored in assorted formats; one in ten is an unknown caller.
        var number = i % 10 == 9 ? HarnessSeed.Unknown(i) : HarnessSeed.CallerId(i % HarnessSeed.Contacts);
        var reply = await channels.SendAsync(channel, number, $"{channel}-{i}");
        Popped();
        var popMs = reply.GetProperty("elapsedMs").GetDouble();
        found += reply.GetProperty("outcome").GetString() == "match" ? 1 : 0;
        var crmMs = await probe.BatchRoundTripAsync(parser.Parse(number));
        requestsByProbe++;
        popTimes.Add(popMs);
        crmTimes.Add(crmMs);
        overheads.Add(popMs - crmMs);
    }

    var requests = await probe.RequestCountAsync() - before - requestsByProbe;
    results[channel] = (Percentiles.Of(popTimes), Percentiles.Of(crmTimes), Percentiles.Of(overheads), (double)requests / events, found);
}

// The naive baseline in the same run: exact match on the presented text, one table after another.
var naiveTimes = new List<double>();
var naiveRequests = 0;
var naiveFound = 0;
for (var i = 0; i < events; i++)
{
    var number = i % 10 == 9 ? HarnessSeed.Unknown(i) : HarnessSeed.CallerId(i % HarnessSeed.Contacts);
    var (ms, requests, hit) = await probe.NaiveLookupAsync(number);
    naiveTimes.Add(ms);
    naiveRequests += requests;
    naiveFound += hit ? 1 : 0;
}

var afterPops = service.Memory();

// traypop pop: process start to accepted, as a softphone runs it.
var popCommand = new List<double>();
for (var i = 0; i < popRuns; i++)
{
    var (exit, elapsed) = await ChildProcess.RunAsync(traypop, ["pop", "--call-id", $"cmd-{i}", HarnessSeed.CallerId(i), $"--TrayPop:Listener:LinePort={serviceLinePort}"]);
    if (exit == 0)
    {
        popCommand.Add(elapsed.TotalMilliseconds);
    }
}

// Idle: the softphone's connections closed, then 30 s for what the last pops leave behind (thread-pool
// workers retire after 20 s idle, tiered JIT finishes), measured on its own; then no events for a while,
// when the service should use next to no CPU (no polling timers).
channels.Dispose();
var settleBefore = service.ThreadCpu();
await Task.Delay(TimeSpan.FromSeconds(30));
var idleBefore = service.ThreadCpu();
var settleByThread = ChildProcess.Used(settleBefore, idleBefore);
await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
var idleByThread = ChildProcess.Used(idleBefore, service.ThreadCpu());
var idleCpuPerMinute = idleByThread.Sum(t => t.Cpu.TotalMilliseconds) * 60 / idleSeconds;
var mappings = service.LargestMappings(8);

var naive = Percentiles.Of(naiveTimes);
var known = events - events / 10;
Console.WriteLine();
Console.WriteLine("Pop latency, event received → launcher invoked (TrayPop's reply elapsedMs), CRM = same $batch sent straight to the emulator:");
foreach (var (channel, r) in results)
{
    Console.WriteLine($"  {channel,-15} pop      {r.Pop}");
    Console.WriteLine($"  {"",-15} crm      {r.Crm}");
    Console.WriteLine($"  {"",-15} overhead {Difference(r.Pop, r.Crm)}   (pop minus crm, percentile by percentile)");
    Console.WriteLine($"  {"",-15} per-event difference {r.Overhead}");
    Console.WriteLine(Invariant($"  {"",-15} Dataverse requests per pop {r.RequestsPerPop:0.000}; known callers found {r.Found}/{known}"));
}

Console.WriteLine(Invariant($"  naive baseline  lookup   {naive}"));
Console.WriteLine(Invariant($"  {"",-15} requests per lookup {(double)naiveRequests / events:0.000}; known callers found {naiveFound}/{known}"));
Console.WriteLine(Invariant($"  ratio naive/TrayPop lookup p50: {naive.P50 / results["http-get"].Pop.P50:0.00}×"));
Console.WriteLine();
Console.WriteLine(Invariant($"Start → listening: median {Median(starts):0} ms (runs: {Runs(starts)}); → first pop answered: median {Median(firstPops):0} ms (runs: {Runs(firstPops)})"));
if (traypop != built)
{
    Console.WriteLine(Invariant($"  plain build (JIT only): listening {Median(builtStarts):0} ms (runs: {Runs(builtStarts)}); first pop answered {Median(builtFirstPops):0} ms"));
}

Console.WriteLine(Invariant($"Memory after start: working set {Megabytes(afterStart.WorkingSet)} MB, private {Megabytes(afterStart.Private)} MB"));
if (afterThousand is { } thousand)
{
    Console.WriteLine(Invariant($"Memory after 1000 pops: working set {Megabytes(thousand.WorkingSet)} MB, private {Megabytes(thousand.Private)} MB"));
}

Console.WriteLine(Invariant($"Memory after {pops} pops: working set {Megabytes(afterPops.WorkingSet)} MB, private {Megabytes(afterPops.Private)} MB"));
Console.WriteLine($"  largest parts of the working set: {string.Join(", ", mappings.Select(m => Invariant($"{m.Name} {Megabytes(m.Bytes)}")))} MB");
Console.WriteLine(Invariant($"After the last event, 30 s settling: {settleByThread.Sum(t => t.Cpu.TotalMilliseconds):0.0} ms CPU ({ByThread(settleByThread)})"));
Console.WriteLine(Invariant($"Idle CPU: {idleCpuPerMinute:0.0} ms per minute (over the next {idleSeconds} s)"));
Console.WriteLine($"  by thread: {ByThread(idleByThread)}");
Console.WriteLine(Invariant($"traypop pop round trip: median {Median(popCommand):0} ms (n={popCommand.Count})"));

var worstOverhead = results.Values.Max(r => r.Pop.P99 - r.Crm.P99);
var worstRequests = results.Values.Max(r => r.RequestsPerPop);
var measuredMemory = afterThousand ?? afterPops;
Console.WriteLine();
Console.WriteLine("Budgets:");
Budget("overhead p99 ≤ 2 ms", worstOverhead <= 2, Invariant($"{worstOverhead:0.000} ms"));
Budget("exactly one Dataverse request per pop", Math.Abs(worstRequests - 1) < 1e-9, Invariant($"{worstRequests:0.000}"));
Budget("start → listening ≤ 400 ms", Median(starts) <= 400, Invariant($"{Median(starts):0} ms"));
Budget("working set after 1,000 pops ≤ 60 MB", measuredMemory.WorkingSet <= 60L * 1048576, Invariant($"{Megabytes(measuredMemory.WorkingSet)} MB"));
Budget("idle CPU ≤ 10 ms per minute", idleCpuPerMinute <= 10, Invariant($"{idleCpuPerMinute:0.0} ms"));
Budget("traypop pop ≤ 120 ms median", Median(popCommand) <= 120, Invariant($"{Median(popCommand):0} ms"));
Directory.Delete(work, recursive: true);
return 0;

// The plain build of traypop this harness was built beside (TrayPopBuild, set by its project file).
static string PlainBuild()
{
    var folder = typeof(Percentiles).Assembly.GetCustomAttributes<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "TrayPopBuild").Value!;
    return Path.Combine(folder, OperatingSystem.IsWindows() ? "traypop.exe" : "traypop");
}

static string ByThread(List<(string Name, TimeSpan Cpu)> threads) =>
    string.Join(", ", threads.Where(t => t.Cpu > TimeSpan.Zero).OrderByDescending(t => t.Cpu).Select(t => Invariant($"{t.Name} {t.Cpu.TotalMilliseconds:0.00} ms")));

static Percentiles Difference(Percentiles pop, Percentiles crm) => new(pop.P50 - crm.P50, pop.P95 - crm.P95, pop.P99 - crm.P99, pop.Count);

static void Budget(string what, bool met, string figure) => Console.WriteLine($"  {(met ? "met " : "MISS")}  {what,-40} {figure}");

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

static string Runs(List<double> values) => string.Join(", ", values.Select(s => s.ToString("0", CultureInfo.InvariantCulture)));

static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

string? OptionText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
