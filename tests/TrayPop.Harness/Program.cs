using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TrayPop.Core.Phones;
using TrayPop.Harness;
using TrayPop.Testing;

// The pop-latency and footprint harness: emulator and service as real processes, measured from outside.
//   dotnet run -c Release --project tests/TrayPop.Harness [-- --events 2000 --idle-seconds 60]
var events = Option("--events", 2000);
var idleSeconds = Option("--idle-seconds", 60);
var popRuns = Option("--pop-runs", 30);
var bin = AppContext.BaseDirectory;
var work = Directory.CreateTempSubdirectory("traypop-harness-").FullName;
var traypop = Path.Combine(bin, OperatingSystem.IsWindows() ? "traypop.exe" : "traypop");
var crmPort = FreePort.Next();
var crmUrl = new Uri($"http://127.0.0.1:{crmPort}/");

Console.WriteLine($"TrayPop harness: {events} events per channel, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
using var crm = ChildProcess.Start("dotnet", [Path.Combine(bin, "DataverseEmulator.dll"), "--urls", crmUrl.AbsoluteUri.TrimEnd('/'), "--seed", HarnessSeed.Write(work)]);
await WaitForAsync(crmPort);
using var probe = new CrmProbe(crmUrl);

List<string> Settings(int port, int linePort) =>
[
    $"--TrayPop:Dataverse:Url={crmUrl.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None", "--TrayPop:Phone:DefaultRegion=US",
    $"--TrayPop:Listener:Port={port}", $"--TrayPop:Listener:LinePort={linePort}", $"--TrayPop:Logging:Directory={Path.Combine(work, "logs")}",
    "--TrayPop:Browser:Command=/bin/true {url}", "--TrayPop:Pop:RateLimit:Pops=1000000", "--TrayPop:Pop:DedupeWindow=00:00:00",
    "--TrayPop:Listener:MaxEventsPerSecond=1000000",
];

// Start-up: process start → listener accepting, several cold starts.
var starts = new List<double>();
for (var i = 0; i < 5; i++)
{
    var port = FreePort.Next();
    var watch = Stopwatch.StartNew();
    using var cold = ChildProcess.Start(traypop, ["run", .. Settings(port, FreePort.Next())]);
    await WaitForAsync(port);
    starts.Add(watch.Elapsed.TotalMilliseconds);
}

var servicePort = FreePort.Next();
var serviceLinePort = FreePort.Next();
using var service = ChildProcess.Start(traypop, ["run", .. Settings(servicePort, serviceLinePort)]);
await WaitForAsync(servicePort);
var afterStart = service.Memory();

var parser = new CallerIdParser(Options.Create(new PhoneOptions { DefaultRegion = "US" }));
using var channels = new Channels(servicePort, serviceLinePort);
var warmup = 300;
for (var i = 0; i < warmup; i++)
{
    await channels.SendAsync(Channels.Names[i % Channels.Names.Length], HarnessSeed.CallerId(i), $"warm-{i}");
    await probe.BatchRoundTripAsync(parser.Parse(HarnessSeed.CallerId(i)));
    await probe.NaiveLookupAsync(HarnessSeed.CallerId(i));
}

var results = new Dictionary<string, (Percentiles Pop, Percentiles Crm, Percentiles Overhead, double RequestsPerPop, int Found)>();
var pops = warmup;
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
        pops++;
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
    var (exit, elapsed) = await ChildProcess.RunAsync(traypop, ["pop", "--call-id", $"cmd-{i}", HarnessSeed.CallerId(i), $"--TrayPop:Listener:Port={servicePort}"]);
    if (exit == 0)
    {
        popCommand.Add(elapsed.TotalMilliseconds);
    }
}

// Idle: no events for a while; the service should use next to no CPU (no polling timers).
var cpuBefore = service.CpuTime();
await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
var idleCpuPerMinute = (service.CpuTime() - cpuBefore).TotalMilliseconds * 60 / idleSeconds;

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
Console.WriteLine(Invariant($"Start → listening: median {Median(starts):0} ms (runs: {string.Join(", ", starts.Select(s => s.ToString("0", CultureInfo.InvariantCulture)))})"));
Console.WriteLine(Invariant($"Memory after start: working set {afterStart.WorkingSet / 1048576.0:0.0} MB, private {afterStart.Private / 1048576.0:0.0} MB"));
Console.WriteLine(Invariant($"Memory after {pops} pops: working set {afterPops.WorkingSet / 1048576.0:0.0} MB, private {afterPops.Private / 1048576.0:0.0} MB"));
Console.WriteLine(Invariant($"Idle CPU: {idleCpuPerMinute:0.0} ms per minute (over {idleSeconds} s)"));
Console.WriteLine(Invariant($"traypop pop round trip: median {Median(popCommand):0} ms (n={popCommand.Count})"));

var worstOverhead = results.Values.Max(r => r.Pop.P99 - r.Crm.P99);
var worstRequests = results.Values.Max(r => r.RequestsPerPop);
Console.WriteLine();
Console.WriteLine("Budgets:");
Budget("overhead p99 ≤ 2 ms", worstOverhead <= 2, Invariant($"{worstOverhead:0.000} ms"));
Budget("exactly one Dataverse request per pop", Math.Abs(worstRequests - 1) < 1e-9, Invariant($"{worstRequests:0.000}"));
Budget("start → listening ≤ 400 ms", Median(starts) <= 400, Invariant($"{Median(starts):0} ms"));
Budget("working set after 1,000 pops ≤ 60 MB", afterPops.WorkingSet <= 60L * 1048576, Invariant($"{afterPops.WorkingSet / 1048576.0:0.0} MB"));
Budget("idle CPU ≤ 10 ms per minute", idleCpuPerMinute <= 10, Invariant($"{idleCpuPerMinute:0.0} ms"));
Budget("traypop pop ≤ 120 ms median", Median(popCommand) <= 120, Invariant($"{Median(popCommand):0} ms"));
Directory.Delete(work, recursive: true);
return 0;

static Percentiles Difference(Percentiles pop, Percentiles crm) => new(pop.P50 - crm.P50, pop.P95 - crm.P95, pop.P99 - crm.P99, pop.Count);

static void Budget(string what, bool met, string figure) => Console.WriteLine($"  {(met ? "met " : "MISS")}  {what,-40} {figure}");

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}


static async Task WaitForAsync(int port)
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return;
        }
        catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(1);
        }
    }
}
