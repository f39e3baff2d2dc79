using System.Net;
using System.Text.Json;
using DataverseEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using TrayPop.Testing;

namespace TrayPop.Dataverse.Tests.Resilience;

/// <summary>Resilience and the pop budget together: the real service, its Dataverse client and the emulator's faults, on a fake clock.</summary>
public sealed class PopBudgetTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private RunningService? _service;

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    private static async Task<JsonElement> ReplyAsync(Task<HttpResponseMessage> pending)
    {
        using var response = await pending;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task OneTransient503_IsRetriedWithinTheBudget_AndTheRecordOpens()
    {
        var service = _service = await RunningService.StartAsync(["--TrayPop:Pop:Budget=00:00:03"], _time);
        service.Crm.Faults.FailNext(503);

        var pending = service.Http.GetAsync(new Uri("/call?number=%2B14255550101", UriKind.Relative));
        await Eventually.TrueAsync(() => service.Crm.ApiRequestCount == 1, "the first attempt reached the CRM");
        // The first retry waits about 0.5 s (jittered); well inside the 3 s budget.
        await _time.AdvanceUntilAsync(() => service.Crm.ApiRequestCount >= 2, "the retry reached the CRM", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
        var reply = await ReplyAsync(pending);

        Assert.Equal("opened", reply.GetProperty("status").GetString());
        Assert.Contains(TestSeed.JaneId, service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
        Assert.Empty(service.Notifier.Shown);
        Assert.Equal(2, service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Throttled429LongerThanTheBudget_AgentGetsTheSearchPageAndANotice_AndTheLateAnswerIsNotPopped()
    {
        var service = _service = await RunningService.StartAsync(["--TrayPop:Pop:Budget=00:00:03", "--TrayPop:Pop:WhenSlow=Search"], _time);
        service.Crm.Faults.ThrottleNext(TimeSpan.FromSeconds(10));

        var pending = service.Http.GetAsync(new Uri("/call?number=%2B14255550101&callId=slow", UriKind.Relative));
        await Eventually.TrueAsync(() => service.Crm.ApiRequestCount == 1, "the throttled attempt reached the CRM");
        await _time.AdvanceUntilAsync(() => pending.IsCompleted, "the budget ran out and the agent was answered", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));
        var reply = await ReplyAsync(pending);

        Assert.Equal("search", reply.GetProperty("action").GetString());
        Assert.Contains("pagetype=search&searchText=%2B14255550101", service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("did not answer within 3 s", service.Notifier.Shown.Single().Text, StringComparison.Ordinal);
        Assert.Equal(1, service.Crm.ApiRequestCount);

        // Retry-After runs out: the retry goes, and its answer is only logged.
        await _time.AdvanceUntilAsync(() => service.Crm.ApiRequestCount >= 2, "the retry after Retry-After reached the CRM", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

        Assert.Equal(2, service.Crm.ApiRequestCount);
        using var next = await service.Http.GetAsync(new Uri("/call?number=%2B14255550101&callId=slow&phase=answer", UriKind.Relative));

        Assert.Single(service.Launcher.Opened);
        Assert.Single(service.Notifier.Shown);
    }

    [Fact]
    public async Task DeadCrm_OpenCircuit_PopsFailFastToTheSlowPage()
    {
        var service = _service = await RunningService.StartAsync(["--TrayPop:Pop:Budget=00:00:03", "--TrayPop:Pop:WhenSlow=NewContactForm"], _time);
        service.Crm.Faults.Keep(EmulatorFault.ServiceUnavailable());

        // Enough failed attempts to open the circuit (each pop's lookup keeps retrying past its budget).
        for (var call = 0; call < 3; call++)
        {
            var pending = service.Http.GetAsync(new Uri($"/call?number=%2B1425555{call:0000}", UriKind.Relative));
            await _time.AdvanceUntilAsync(() => pending.IsCompleted, "the pop's budget ran out", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));
            await ReplyAsync(pending);
        }

        // The warm-up's question about the phone-key index (answered before the fault) is the circuit's fifth sample.
        Assert.True(service.Crm.ApiRequestCount >= 4, $"{service.Crm.ApiRequestCount} attempts");
        // The lookups still retrying in the background open the circuit (well inside its 15 s break): move the clock
        // until the breaker says so, a step at a time, and no further.
        var circuit = service.Services.GetRequiredService<CircuitBreakerStateProvider>();
        await _time.AdvanceUntilAsync(() => circuit.CircuitState == CircuitState.Open, "the circuit opened", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5),
            settle: TimeSpan.FromMilliseconds(50));

        Assert.Equal(CircuitState.Open, circuit.CircuitState);

        var before = service.Crm.ApiRequestCount;
        var reply = await ReplyAsync(service.Http.GetAsync(new Uri("/call?number=%2B14255550101&callId=open-circuit", UriKind.Relative)));

        // No time passed: the open circuit answered at once, without asking the CRM.
        Assert.Equal("new-contact-form", reply.GetProperty("action").GetString());
        Assert.Equal(before, service.Crm.ApiRequestCount);
        Assert.Contains("could not be searched", service.Notifier.Shown[^1].Text, StringComparison.Ordinal);
    }
}
