using DataverseEmulator;
using Polly.CircuitBreaker;
using TrayPop.Dataverse;

namespace TrayPop.Dataverse.Tests.Resilience;

/// <summary>A dead Dataverse is not hammered: after enough failures requests stop reaching it until the break is over.</summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private DataverseHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await DataverseHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<Exception?> CallAsync()
    {
        var call = _harness.Client.WhoAmIAsync(CancellationToken.None);
        // Retry delays are timers on the fake clock; small steps keep the breaker's sampling window open.
        await _harness.AdvanceUntilAsync(() => call.IsCompleted, "the call ended", TimeSpan.FromMilliseconds(100));
        return await Record.ExceptionAsync(() => call);
    }

    [Fact]
    public async Task DeadServer_OpensTheCircuit_AndStopsSendingRequests()
    {
        _harness.Crm.Faults.Keep(EmulatorFault.ServiceUnavailable());

        var first = await CallAsync();
        Assert.IsType<DataverseException>(first);
        var second = await CallAsync();
        var reached = _harness.Crm.ApiRequestCount;

        // Five failed attempts (the minimum throughput, all failing) open the circuit within the second call.
        Assert.True(reached <= 2 * (1 + DataverseClientRegistration.MaxRetryAttempts), $"{reached} requests reached the CRM");
        Assert.IsType<BrokenCircuitException>(second);
        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<BrokenCircuitException>(await CallAsync());
        }

        Assert.Equal(reached, _harness.Crm.ApiRequestCount);
        Assert.Contains(_harness.Logs.Entries, e => e.Text.Contains("requests stop for", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterTheBreak_ATrialRequestThatSucceeds_ClosesTheCircuit()
    {
        _harness.Crm.Faults.Keep(EmulatorFault.ServiceUnavailable());
        await CallAsync();
        Assert.IsType<BrokenCircuitException>(await CallAsync());

        _harness.Crm.Faults.Clear();
        _harness.Time.Advance(DataverseClientRegistration.BreakDuration);
        var whoAmI = await _harness.Client.WhoAmIAsync(CancellationToken.None);

        Assert.NotEqual(Guid.Empty, whoAmI.UserId);
        Assert.Contains(_harness.Logs.Entries, e => e.Text.Contains("Dataverse answers again", StringComparison.Ordinal));
    }
}
