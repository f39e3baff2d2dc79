using Microsoft.Extensions.DependencyInjection;
using TrayPop.Intake.Http;
using Xunit.Abstractions;

namespace TrayPop.Intake.Tests;

/// <summary>
/// Byte-level mutations of valid requests, then of valid lines, against the real running service on loopback
/// (see <see cref="IntakeFuzzer"/>): the service lives and still answers, every case is answered or closed within the
/// bound, the managed heap comes back to where it was, and nothing is launched outside the CRM.
/// </summary>
public sealed class IntakeFuzzTests(ITestOutputHelper output)
{
    // Over real sockets through the whole service this runs at a few hundred cases a second on a shared two-core
    // machine, so the suite runs 5,000 per intake; the 100,000 the issue asks for is still to come (see README).
    private const int Cases = 5_000;
    private const long MaxHeapGrowth = 64L * 1024 * 1024;

    [Fact]
    public async Task Http_MutatedRequests_AreEachAnsweredOrClosed_AndTheServiceLives()
    {
        await using var service = await RunningService.StartAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var result = await new IntakeFuzzer(service.Port, seed: 18).RunAsync(Cases, parallel: 8, IntakeFuzzer.HttpSeeds(service.Port));

        await AssertSurvivedAsync(service, result, before);
        await using var connection = await RawHttpConnection.OpenAsync(service.Port);
        await connection.SendAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{service.Port}\r\n\r\n");
        Assert.Equal(HttpStatus.Ok, (await connection.ReadResponseAsync())!.Status);
    }

    [Fact]
    public async Task Line_MutatedLines_AreEachAnsweredOrClosed_AndTheServiceLives()
    {
        await using var service = await RunningService.StartAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var result = await new IntakeFuzzer(service.LinePort, seed: 19).RunAsync(Cases, parallel: 8, IntakeFuzzer.LineSeeds());

        await AssertSurvivedAsync(service, result, before);
        var reply = await LineClient.SendAsync(service.LinePort, "{\"number\":\"+14255550101\",\"callId\":\"after-fuzz\"}\n", 1);
        Assert.Contains("\"status\"", reply[0], StringComparison.Ordinal);
    }

    private async Task AssertSurvivedAsync(RunningService service, IntakeFuzzer.Result result, long heapBefore)
    {
        output.WriteLine(
            $"{result.Cases} cases in {result.Elapsed.TotalSeconds:F1} s ({result.CasesPerSecond:F0}/s): {result.Answered} answered, " +
            $"{result.ClosedSilently} closed without an answer, {result.Refused} reset, {result.Hung} hung; " +
            $"peak working set {result.PeakWorkingSet / 1048576} MB, peak managed heap {result.PeakManaged / 1048576} MB; {service.Launcher.Opened.Count} launches");
        Assert.Equal(0, result.Hung);
        Assert.Equal(result.Cases, result.Answered + result.ClosedSilently + result.Refused);
        Assert.True(result.Answered > result.Cases / 2, $"only {result.Answered} cases were answered: the mutations should mostly reach the intake");
        var crm = service.Crm.BaseUri.GetLeftPart(UriPartial.Authority);
        Assert.All(service.Launcher.Opened, url => Assert.Equal(crm, url.GetLeftPart(UriPartial.Authority)));
        // Connections still closing when the last case ended are let go before the heap is weighed.
        await Task.Yield();
        Assert.InRange(GC.GetTotalMemory(forceFullCollection: true) - heapBefore, long.MinValue, MaxHeapGrowth);
        Assert.NotNull(service.Services.GetService<LineIntakeService>());
    }
}
