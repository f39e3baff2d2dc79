using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Intake.Listening;

namespace TrayPop.Intake.Tests.Listening;

/// <summary>The one listener of both intakes: binding, accepting through failures, the connection cap, refusals.</summary>
public sealed class LoopbackListenerTests
{
    [Fact]
    public async Task Bind_ListensOnIPv4Loopback_AndOnIPv6LoopbackExactlyWhereTheMachineHasIt()
    {
        await using var listener = Listener(new EchoHandler(), out _);

        listener.Bind();

        Assert.Contains(listener.Endpoints, e => e.Address.Equals(IPAddress.Loopback));
        Assert.Equal(LoopbackV6.Available, listener.Endpoints.Any(e => e.Address.Equals(IPAddress.IPv6Loopback)));
        Assert.All(listener.Endpoints, e => Assert.Equal(listener.Endpoints[0].Port, e.Port));
    }

    [Fact]
    public async Task AcceptFailures_AreLoggedAndRetriedAfterAGrowingPause_AndTheListenerGoesOnServing()
    {
        var time = new FakeTimeProvider();
        var failures = 3;
        var attempts = 0;
        using var logs = new CapturedLogs();
        await using var listener = new LoopbackListener(Options(), new EchoHandler(), Refusals(time), time, logs.CreateLogger("listener"))
        {
            Accept = (socket, cancellationToken) =>
            {
                // Only on 127.0.0.1, so the counts are of one accept loop whatever [::1] does.
                if (socket.AddressFamily != AddressFamily.InterNetwork)
                {
                    return socket.AcceptAsync(cancellationToken);
                }

                Interlocked.Increment(ref attempts);
                return Interlocked.Decrement(ref failures) >= 0
                    ? ValueTask.FromException<Socket>(new SocketException((int)SocketError.ConnectionReset))
                    : socket.AcceptAsync(cancellationToken);
            },
        };
        listener.Bind();
        using var stop = new CancellationTokenSource();
        var run = listener.RunAsync(stop.Token);

        // Each failure waits its pause (10, 20, 40 ms) on the injected clock before the next accept: no spinning.
        foreach (var pause in new[] { 10, 20, 40 })
        {
            var before = Volatile.Read(ref attempts);
            await Task.Delay(50);
            Assert.Equal(before, Volatile.Read(ref attempts));
            time.Advance(TimeSpan.FromMilliseconds(pause));
            await Eventually.TrueAsync(() => Volatile.Read(ref attempts) > before, "the next accept");
        }

        Assert.Equal("hello", await EchoAsync(listener.Endpoints[0]));
        Assert.Equal(3, logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Text.Contains("could not accept", StringComparison.Ordinal)));
        Assert.False(run.IsCompleted);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task PastTheCap_WithEveryConnectionBusy_ANewOneIsRefusedByItsProtocolAndLogged_UntilOneEnds()
    {
        var handler = new EchoHandler();
        using var logs = new CapturedLogs();
        await using var listener = new LoopbackListener(Options(maxConnections: 2), handler, Refusals(TimeProvider.System, logs), TimeProvider.System, NullLogger.Instance);
        listener.Bind();
        using var stop = new CancellationTokenSource();
        var run = listener.RunAsync(stop.Token);
        var endpoint = listener.Endpoints[0];

        using var first = await BusyAsync(endpoint);
        using var second = await BusyAsync(endpoint);
        await Eventually.TrueAsync(() => handler.Served == 2, "both connections are served");
        using (var third = await ConnectAsync(endpoint))
        {
            Assert.Equal("refused: more than 2 open connections", await ReadToEndAsync(third));
        }

        Assert.Contains(logs.Entries, e => e.Text.Contains("more than 2 open connections", StringComparison.Ordinal));
        first.Dispose();
        // The listener hears of the end asynchronously; until then a new connection is still refused.
        for (var attempt = 0; await EchoAsync(endpoint) != "hello"; attempt++)
        {
            Assert.True(attempt < 500, "a connection should be served again once one has ended");
        }

        await stop.CancelAsync();
        await run;
        await listener.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PastTheCap_TheLongestIdleConnectionIsClosedToMakeRoom_AndABusyOneIsKept()
    {
        var handler = new EchoHandler();
        var time = new FakeTimeProvider();
        using var logs = new CapturedLogs();
        await using var listener = new LoopbackListener(Options(maxConnections: 3), handler, Refusals(time, logs), time, NullLogger.Instance);
        listener.Bind();
        using var stop = new CancellationTokenSource();
        var run = listener.RunAsync(stop.Token);
        var endpoint = listener.Endpoints[0];

        using var busy = await BusyAsync(endpoint);
        using var older = await ConnectAsync(endpoint);
        await Eventually.TrueAsync(() => handler.Idle == 1, "the first idle connection waits");
        time.Advance(TimeSpan.FromSeconds(1));
        using var newer = await ConnectAsync(endpoint);
        await Eventually.TrueAsync(() => handler.Idle == 2, "the second idle connection waits");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("hello", await EchoAsync(endpoint));
        Assert.Equal("", await ReadToEndAsync(older));
        Assert.True(busy.Connected);
        busy.GetStream().WriteByte((byte)'b');
        Assert.Equal((byte)'b', busy.GetStream().ReadByte());
        Assert.Contains(logs.Entries, e => e.Text.Contains("longest-idle connection was closed", StringComparison.Ordinal));
        await stop.CancelAsync();
        await run;
        await listener.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Bind_TakenPort_ThrowsTheMessageStartupErrorsExplains()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        await using var listener = Listener(new EchoHandler(), out _, port);

        var failure = Assert.Throws<IOException>(listener.Bind);

        Assert.Equal($"Failed to bind to address tcp://127.0.0.1:{port}: address already in use.", failure.Message);
    }

    private static LoopbackListenerOptions Options(int port = 0, int maxConnections = 8) => new("test", "tcp", "test listener", port, maxConnections);

    private static RefusalLog Refusals(TimeProvider time, ILoggerProvider? logs = null) =>
        new(time, new Logger<RefusalLog>(new LoggerFactory([logs ?? NullLoggerProvider.Instance])));

    private static LoopbackListener Listener(IConnectionHandler handler, out FakeTimeProvider time, int port = 0)
    {
        time = new FakeTimeProvider();
        return new LoopbackListener(Options(port), handler, Refusals(time), time, NullLogger.Instance);
    }

    private static async Task<TcpClient> ConnectAsync(IPEndPoint endpoint)
    {
        var client = new TcpClient(endpoint.AddressFamily);
        await client.ConnectAsync(endpoint);
        return client;
    }

    /// <summary>A connection that has sent a byte and had it echoed: served, not idle.</summary>
    private static async Task<TcpClient> BusyAsync(IPEndPoint endpoint)
    {
        var client = await ConnectAsync(endpoint);
        client.GetStream().WriteByte((byte)'a');
        Assert.Equal((byte)'a', client.GetStream().ReadByte());
        return client;
    }

    private static async Task<string> EchoAsync(IPEndPoint endpoint)
    {
        using var client = await ConnectAsync(endpoint);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync("hello"u8.ToArray());
            client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (IOException)
        {
            // Refused and closed before the write: what it said is still there to read.
        }

        return await ReadToEndAsync(stream);
    }

    private static Task<string> ReadToEndAsync(TcpClient client) => ReadToEndAsync(client.GetStream());

    private static async Task<string> ReadToEndAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            return await reader.ReadToEndAsync();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Echoes what it reads until the client ends its side; refuses with a line that says why.</summary>
    private sealed class EchoHandler : IConnectionHandler
    {
        private int _served;
        private int _idle;

        public int Served => Volatile.Read(ref _served);

        /// <summary>How many connections wait for their first byte now.</summary>
        public int Idle => Volatile.Read(ref _idle);

        public async Task ServeAsync(Socket socket, ConnectionSlot slot)
        {
            Interlocked.Increment(ref _served);
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            try
            {
                // Idle until its first byte, so the cap can make room by closing it.
                slot.SetIdle(true);
                Interlocked.Increment(ref _idle);
                var first = new byte[1];
                int read;
                try
                {
                    read = await stream.ReadAsync(first, slot.Closing);
                }
                finally
                {
                    Interlocked.Decrement(ref _idle);
                    slot.SetIdle(false);
                }

                if (read == 0)
                {
                    return;
                }

                await stream.WriteAsync(first, slot.Closing);
                await stream.CopyToAsync(stream, slot.Closing);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
            }
        }

        public async Task RefuseAsync(Socket socket, string reason, CancellationToken stopping)
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            await stream.WriteAsync(Encoding.UTF8.GetBytes("refused: " + reason), stopping);
        }
    }
}
