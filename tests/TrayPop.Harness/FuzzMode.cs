using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TrayPop.Testing;

namespace TrayPop.Harness;

/// <summary>
/// <c>--fuzz N</c>: the intake fuzz cases of the test suite (<see cref="IntakeMutations"/>, the same seeds), N per intake,
/// over loopback against a real <c>traypop run</c> child process with the pop limits as shipped, and the emulator as its
/// CRM. Each case must be answered or closed within <see cref="FuzzRun.CaseBound"/>; the process must still be alive
/// and answering; the browser command records every launch, none of which may leave the CRM's origin. Resident memory is
/// read from outside before, during and after.
/// </summary>
internal static class FuzzMode
{
    private const int Parallel = 8;

    public static async Task<int> RunAsync(int cases, string traypop, string bin, string work)
    {
        var crmPort = FreePort.Next();
        var crmUrl = new Uri($"http://127.0.0.1:{crmPort}/");
        Console.WriteLine(Invariant($"Intake fuzz: {cases:N0} mutated cases per intake, {Parallel} at a time, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {traypop}"));
        using var crm = ChildProcess.Start("dotnet", [Path.Combine(bin, "DataverseEmulator.dll"), "--urls", crmUrl.AbsoluteUri.TrimEnd('/'), "--seed", HarnessSeed.Write(work)]);
        await Listening.WaitForAsync(crmPort);

        var launches = Path.Combine(work, "launches.txt");
        var port = FreePort.Next();
        var linePort = FreePort.Next();
        using var service = ChildProcess.Start(traypop,
        [
            "run", $"--TrayPop:Dataverse:Url={crmUrl.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None", "--TrayPop:Phone:DefaultRegion=US",
            $"--TrayPop:Listener:Port={port}", $"--TrayPop:Listener:LinePort={linePort}", $"--TrayPop:Logging:Directory={Path.Combine(work, "logs")}",
            $"--TrayPop:Browser:Command={RecordingBrowser(work, launches)} {{url}}",
        ]);
        await Listening.WaitForAsync(port);
        await Listening.WaitForAsync(linePort);
        var rssBefore = service.Memory().WorkingSet;
        Console.WriteLine(Invariant($"  traypop pid {service.Id}: resident {Megabytes(rssBefore)} MB after start"));

        var healthy = true;
        foreach (var (intake, seed, seeds, intakePort) in new[] { ("http", 18, IntakeMutations.HttpSeeds(port), port), ("line", 19, IntakeMutations.LineSeeds(), linePort) })
        {
            var result = await FuzzRun.RunAsync(seed, cases, Parallel, seeds, new LoopbackFuzzClient(intakePort).SendAsync, () => service.HasExited ? 0 : service.Memory().WorkingSet);
            var alive = !service.HasExited && await StillAnswersAsync(intake, intakePort);
            healthy &= result.AllEnded && alive;
            Console.WriteLine(Invariant(
                $"  {intake,-4}  {result.Cases:N0} cases (seed {seed}) in {result.Elapsed.TotalSeconds:F1} s = {result.CasesPerSecond:N0}/s: {result.Answered:N0} answered, {result.ClosedSilently:N0} closed without an answer, {result.Reset:N0} reset, {result.Hung} hung; max resident {Megabytes(result.PeakWorkingSet)} MB; process {(alive ? "alive and answering" : "GONE or not answering")}"));
            foreach (var failure in result.Failures)
            {
                Console.WriteLine($"        {failure}");
            }
        }

        var rssAfter = service.HasExited ? 0 : service.Memory().WorkingSet;
        var opened = File.Exists(launches) ? File.ReadAllLines(launches) : [];
        var outside = opened.Count(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.GetLeftPart(UriPartial.Authority) != crmUrl.GetLeftPart(UriPartial.Authority));
        Console.WriteLine(Invariant($"  resident before {Megabytes(rssBefore)} MB, after {Megabytes(rssAfter)} MB; launches {opened.Length:N0}, outside the CRM's origin {outside}"));
        var passed = healthy && outside == 0;
        Console.WriteLine(passed ? "Fuzz passed." : "Fuzz FAILED.");
        return passed ? 0 : 1;
    }

    /// <summary>A browser that only appends the URL it was given to <paramref name="launches"/> (one process per launch, as a real browser).</summary>
    private static string RecordingBrowser(string work, string launches)
    {
        var script = Path.Combine(work, "record-launch.sh");
        File.WriteAllText(script, $"#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{launches}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }

    private static async Task<bool> StillAnswersAsync(string intake, int port)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            if (intake == "http")
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), timeout.Token);
                return response.IsSuccessStatusCode;
            }

            // A question rather than an event: the run may have spent this second's CRM lookups.
            var reply = await LineClient.SendAsync(port, "{\"command\":\"recent\"}\n", 1);
            return reply[0].Contains("\"recent\":[", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException or TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
