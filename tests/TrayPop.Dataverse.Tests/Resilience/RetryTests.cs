using System.Net;
using DataverseEmulator;
using Polly.Timeout;
using TrayPop.Dataverse;
using TrayPop.Testing;

namespace TrayPop.Dataverse.Tests.Resilience;

/// <summary>The standard resilience handler as configured for Dataverse, against the emulator's faults, on a fake clock.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private DataverseHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await DataverseHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private List<TimeSpan> RetryDelays() =>
        [.. _harness.Logs.Entries
            .Where(e => e.Text.Contains("; retry ", StringComparison.Ordinal))
            .Select(e => TimeSpan.Parse(e.Text.Split(" in ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task Throttled429_WaitsForRetryAfter_ThenRetries()
    {
        _harness.Crm.Faults.ThrottleNext(TimeSpan.FromSeconds(7));

        var call = _harness.Client.WhoAmIAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => RetryDelays().Count == 1, "the 429 was answered and a retry scheduled");

        // Polly's delay timer runs on the fake clock: the retry is due exactly at Retry-After, never earlier.
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelays().Single());
        _harness.Time.Advance(TimeSpan.FromSeconds(6.9));
        Assert.False(call.IsCompleted);
        Assert.Equal(1, _harness.Crm.ApiRequestCount);

        _harness.Time.Advance(TimeSpan.FromSeconds(0.1));
        var whoAmI = await call;

        Assert.NotEqual(Guid.Empty, whoAmI.UserId);
        Assert.Equal(2, _harness.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Throttled429_RetryAfterLongerThanTheBackoff_IsStillHonoured()
    {
        _harness.Crm.Faults.ThrottleNext(TimeSpan.FromSeconds(12), count: 2);

        var call = _harness.Client.WhoAmIAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => RetryDelays().Count == 1, "the first 429 was answered");
        _harness.Time.Advance(TimeSpan.FromSeconds(12));
        await Eventually.TrueAsync(() => RetryDelays().Count == 2, "the second 429 was answered");
        _harness.Time.Advance(TimeSpan.FromSeconds(12));
        await call;

        // The exponential backoff would have retried after about 0.5 s and 1 s.
        Assert.All(RetryDelays(), delay => Assert.Equal(TimeSpan.FromSeconds(12), delay));
        Assert.Equal(3, _harness.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Throttled429_RetryAfterBeyondTheTotalTimeout_FailsWithoutRetryingEarly()
    {
        _harness.Crm.Faults.ThrottleNext(TimeSpan.FromSeconds(45));

        var call = _harness.Client.WhoAmIAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => RetryDelays().Count == 1, "the 429 was answered");
        _harness.Time.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
        Assert.Equal(1, _harness.Crm.ApiRequestCount);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task TransientServerError_IsRetriedWithBackoff(int status)
    {
        _harness.Crm.Faults.FailNext(status, count: 2);

        var call = _harness.Client.WhoAmIAsync(CancellationToken.None);
        await _harness.AdvanceUntilAsync(() => call.IsCompleted, "the third attempt answered");
        await call;

        Assert.Equal(3, _harness.Crm.ApiRequestCount);
        var delays = RetryDelays();
        Assert.Equal(2, delays.Count);
        // Exponential from 500 ms with jitter: each within the jittered band, none zero.
        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task DroppedConnection_IsRetried()
    {
        _harness.Crm.Faults.DropNext();

        var call = _harness.Client.WhoAmIAsync(CancellationToken.None);
        await _harness.AdvanceUntilAsync(() => call.IsCompleted, "the retry answered");
        await call;

        Assert.Equal(2, _harness.Crm.ApiRequestCount);
        Assert.Single(RetryDelays());
    }

    [Fact]
    public async Task PersistentServerError_GivesUpAfterThreeRetries()
    {
        _harness.Crm.Faults.Keep(EmulatorFault.ServerError());

        var call = _harness.Client.WhoAmIAsync(CancellationToken.None);
        await _harness.AdvanceUntilAsync(() => call.IsCompleted, "the retries ran out");
        var failure = await Assert.ThrowsAsync<DataverseException>(() => call);

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal(1 + DataverseClientRegistration.MaxRetryAttempts, _harness.Crm.ApiRequestCount);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(412)]
    public async Task ClientError_IsNotRetried(int status)
    {
        _harness.Crm.Faults.FailNext(status);

        var failure = await Assert.ThrowsAsync<DataverseException>(() => _harness.Client.WhoAmIAsync(CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal(1, _harness.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task HangingAttempt_TimesOutAndIsRetried()
    {
        _harness.Crm.Faults.DelayNext(TimeSpan.FromMinutes(5));

        var call = _harness.Client.WhoAmIAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _harness.Crm.ApiRequestCount == 1, "the first attempt reached the CRM");
        await _harness.AdvanceUntilAsync(() => call.IsCompleted, "the second attempt answered", TimeSpan.FromSeconds(1));
        await call;

        Assert.Equal(2, _harness.Crm.ApiRequestCount);
    }
}
