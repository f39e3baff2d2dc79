using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;

namespace TrayPop.Intake.Tests;

/// <summary>The line protocol's idle and read timeouts on a fake clock: the clock is stepped and the socket watched.</summary>
public sealed class LineIntakeTimeoutTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartAsync(["--TrayPop:Listener:IdleTimeout=00:01:30"], time: _time);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task AConnectionThatSendsNothing_IsClosedAfterTheConfiguredIdleTimeout()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _service.LinePort);

        var waited = await StepUntilClosedAsync(client, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));

        Assert.InRange(waited, TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task ALineThatNeverEnds_IsClosedAfterTheReadTimeout()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _service.LinePort);
        await client.GetStream().WriteAsync("{\"number\":"u8.ToArray());

        var waited = await StepUntilClosedAsync(client, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(80));

        Assert.InRange(waited, LineIntakeService.ReadTimeout, TimeSpan.FromSeconds(80));
    }

    private async Task<TimeSpan> StepUntilClosedAsync(TcpClient client, TimeSpan step, TimeSpan limit)
    {
        var waited = TimeSpan.Zero;
        var buffer = new byte[256];
        var read = client.GetStream().ReadAsync(buffer).AsTask();
        while (waited <= limit)
        {
            if (await Task.WhenAny(read, Task.Delay(100)) == read)
            {
                return waited;
            }

            _time.Advance(step);
            waited += step;
        }

        return waited;
    }
}
