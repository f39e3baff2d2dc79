using TrayPop.Intake.Http;
using TrayPop.Intake.Tests.Support;
using Xunit.Abstractions;

namespace TrayPop.Intake.Tests;

/// <summary>
/// Byte-level mutations of valid requests, then of valid lines (see <see cref="IntakeMutations"/>), each sent in pieces
/// split at random boundaries to the real service: a hundred thousand per intake through its own connection code over
/// memory, and a few thousand over loopback so the socket path is fuzzed too. The service lives and still answers,
/// every case is answered or closed within the bound, the managed heap comes back to where it was, and nothing is
/// launched outside the CRM. A failure prints its seed and case.
/// </summary>
public sealed class IntakeFuzzTests(ITestOutputHelper output)
{
    private const int InMemoryCases = 100_000;
    private const int LoopbackCases = 2_000;
    private const int Parallel = 8;
    private const long MaxHeapGrowth = 64L * 1024 * 1024;

    [Fact]
    public Task Http_AHundredThousandMutatedRequests_InMemory_AreEachAnsweredOrClosed_AndTheServiceLives() =>
        FuzzAsync(service => FuzzRun.RunAsync(18, InMemoryCases, Parallel, IntakeMutations.HttpSeeds(service.Port), new InMemoryFuzzClient(service.Services).SendHttpAsync), HttpStillAnswersAsync);

    [Fact]
    public Task Http_MutatedRequests_OverLoopback_AreEachAnsweredOrClosed_AndTheServiceLives() =>
        FuzzAsync(service => FuzzRun.RunAsync(1018, LoopbackCases, Parallel, IntakeMutations.HttpSeeds(service.Port), new LoopbackFuzzClient(service.Port).SendAsync), HttpStillAnswersAsync);

    [Fact]
    public Task Line_AHundredThousandMutatedLines_InMemory_AreEachAnsweredOrClosed_AndTheServiceLives() =>
        FuzzAsync(service => FuzzRun.RunAsync(19, InMemoryCases, Parallel, IntakeMutations.LineSeeds(), new InMemoryFuzzClient(service.Services).SendLineAsync), LineStillAnswersAsync);

    [Fact]
    public Task Line_MutatedLines_OverLoopback_AreEachAnsweredOrClosed_AndTheServiceLives() =>
        FuzzAsync(service => FuzzRun.RunAsync(1019, LoopbackCases, Parallel, IntakeMutations.LineSeeds(), new LoopbackFuzzClient(service.LinePort).SendAsync), LineStillAnswersAsync);

    private async Task FuzzAsync(Func<RunningService, Task<FuzzResult>> fuzz, Func<RunningService, Task> stillAnswers)
    {
        await using var service = await RunningService.StartAsync();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var result = await fuzz(service);

        var launches = service.Launcher.Opened;
        output.WriteLine($"{result.Summary}; {launches.Count} launches");
        Assert.True(result.AllEnded, $"{result.Summary}\n{string.Join('\n', result.Failures)}");
        Assert.True(result.Answered > result.Cases / 2, $"only {result.Answered} cases were answered: the mutations should mostly reach the intake");
        var crm = service.Crm.BaseUri.GetLeftPart(UriPartial.Authority);
        Assert.All(launches, url => Assert.Equal(crm, url.GetLeftPart(UriPartial.Authority)));
        await stillAnswers(service);
        // Connections still closing when the last case ended are let go before the heap is weighed.
        await Task.Yield();
        var growth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        output.WriteLine($"managed heap after the run: {growth / 1048576.0:+0.0;-0.0} MB against before it");
        Assert.InRange(growth, long.MinValue, MaxHeapGrowth);
    }

    private static async Task HttpStillAnswersAsync(RunningService service)
    {
        await using var connection = await RawHttpConnection.OpenAsync(service.Port);
        await connection.SendAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{service.Port}\r\n\r\n");
        Assert.Equal(HttpStatus.Ok, (await connection.ReadResponseAsync())!.Status);
    }

    /// <summary>A question rather than an event: the run may have spent this second's CRM lookups, and an answer is all that is asked.</summary>
    private static async Task LineStillAnswersAsync(RunningService service)
    {
        var reply = await LineClient.SendAsync(service.LinePort, "{\"command\":\"recent\"}\n", 1);
        Assert.Contains("\"recent\":[", reply[0], StringComparison.Ordinal);
    }
}
