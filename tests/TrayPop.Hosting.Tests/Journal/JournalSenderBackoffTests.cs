using System.Net;
using Polly.CircuitBreaker;
using TrayPop.Dataverse;
using TrayPop.Hosting.Journal;

namespace TrayPop.Hosting.Tests.Journal;

public sealed class JournalSenderBackoffTests
{
    [Fact]
    public void Backoff_Throttled_WaitsForRetryAfter()
    {
        var throttled = new DataverseException(HttpStatusCode.TooManyRequests, "0x80072322", "throttled") { RetryAfter = TimeSpan.FromSeconds(40) };

        Assert.Equal(TimeSpan.FromSeconds(40), JournalSender.Backoff(throttled, attempts: 0));
    }

    [Fact]
    public void Backoff_CircuitOpen_WaitsForTheBreak() =>
        Assert.Equal(DataverseClientRegistration.BreakDuration, JournalSender.Backoff(new BrokenCircuitException(), attempts: 3));

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 4)]
    [InlineData(5, 64)]
    [InlineData(12, 300)]
    public void Backoff_OtherFailures_DoubleUpToFiveMinutes(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), JournalSender.Backoff(new DataverseException(HttpStatusCode.InternalServerError, null, "x"), attempts));
}
