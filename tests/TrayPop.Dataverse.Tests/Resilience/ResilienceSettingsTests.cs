using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using TrayPop.Dataverse;
using TrayPop.Core.Pop;

namespace TrayPop.Dataverse.Tests.Resilience;

/// <summary>The exact resilience settings, and how they follow RequestTimeout and the pop budget.</summary>
public sealed class ResilienceSettingsTests
{
    private static HttpStandardResilienceOptions Configured(TimeSpan? requestTimeout = null, TimeSpan? budget = null)
    {
        var options = new HttpStandardResilienceOptions();
        var dataverse = new DataverseOptions { Url = "https://contoso.crm.dynamics.com", RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10) };
        DataverseClientRegistration.Configure(options, dataverse, new PopOptions { Budget = budget ?? TimeSpan.FromSeconds(3) }, NullLogger.Instance);
        return options;
    }

    [Fact]
    public void Defaults_AreTunedForPops()
    {
        var options = Configured();

        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TotalRequestTimeout.Timeout);
        Assert.Equal(3, options.Retry.MaxRetryAttempts);
        Assert.Equal(DelayBackoffType.Exponential, options.Retry.BackoffType);
        Assert.True(options.Retry.UseJitter);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Retry.Delay);
        Assert.True(options.Retry.ShouldRetryAfterHeader);
        Assert.Null(options.Retry.MaxDelay);
        Assert.Equal(0.5, options.CircuitBreaker.FailureRatio);
        Assert.Equal(5, options.CircuitBreaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CircuitBreaker.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(15), options.CircuitBreaker.BreakDuration);
        Assert.Equal(52, options.RateLimiter.DefaultRateLimiterOptions.PermitLimit);
    }

    [Fact]
    public void LongBudget_StretchesTheTotalTimeout_SoTheBudgetDecidesFirst()
    {
        var options = Configured(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));

        Assert.Equal(TimeSpan.FromSeconds(25), options.TotalRequestTimeout.Timeout);
    }

    [Fact]
    public void LongAttempts_WidenTheBreakersWindow_AsPollyRequires()
    {
        var options = Configured(TimeSpan.FromSeconds(40));

        Assert.Equal(TimeSpan.FromSeconds(80), options.CircuitBreaker.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(120), options.TotalRequestTimeout.Timeout);
    }
}
