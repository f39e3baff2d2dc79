using Microsoft.Extensions.Time.Testing;
using TrayPop.Testing;

namespace TrayPop.Intake.Tests.Http;

/// <summary>
/// The connection timeouts, driven by a fake clock: the clock is stepped and the socket watched, so a timer can
/// only fire when fake time says so. A timer armed at fake time t fires no earlier than t + its span, which
/// gives each test its lower bound; the upper bound tells the two timeouts apart.
/// </summary>
public sealed class HttpConnectionTimeoutTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartAsync(time: _time);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task HeadNotCompleteWithin30Seconds_Answers408AndCloses()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);
        await connection.SendAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{_service.Port}\r\n");

        var waited = await StepUntilSomethingArrivesAsync(connection, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100));

        Assert.InRange(waited, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(100));
        Assert.Equal(408, (await connection.ReadResponseAsync())!.Status);
        Assert.True(await connection.ClosesWithoutAnswerAsync());
    }

    [Fact]
    public async Task IdleKeptAliveConnection_IsClosedAfterTwoMinutes_WithoutAnAnswer()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);
        await connection.SendAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{_service.Port}\r\n\r\n");
        Assert.Equal(200, (await connection.ReadResponseAsync())!.Status);

        var waited = await StepUntilSomethingArrivesAsync(connection, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));

        Assert.InRange(waited, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));
        Assert.True(await connection.ClosesWithoutAnswerAsync());
    }

    [Fact]
    public async Task AConnectionThatStaysBusy_IsNotCutByTheIdleTimeout()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);
        // 150 s in all, past the 2 min idle timeout; each step stays under the 30 s write timeout, whose timer may still
        // be armed for a moment after the client has read the answer.
        for (var i = 0; i < 6; i++)
        {
            await connection.SendAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{_service.Port}\r\n\r\n");
            Assert.Equal(200, (await connection.ReadResponseAsync())!.Status);
            _time.Advance(TimeSpan.FromSeconds(25));
        }

        Assert.False(connection.Closed);
    }

    /// <summary>Advances the clock by <paramref name="step"/> until the server sends or closes; returns the fake time that passed.</summary>
    private async Task<TimeSpan> StepUntilSomethingArrivesAsync(RawHttpConnection connection, TimeSpan step, TimeSpan limit)
    {
        var waited = TimeSpan.Zero;
        while (waited <= limit)
        {
            if (await connection.AnythingWithinAsync(TimeSpan.FromMilliseconds(100)))
            {
                return waited;
            }

            _time.Advance(step);
            waited += step;
        }

        return waited;
    }
}
