using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Calls;
using TrayPop.Core.Diagnostics;
using TrayPop.Intake.Listening;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake;

/// <summary>
/// The TCP line protocol on loopback: one JSON call event per line in, one JSON reply per line out.
/// The first line must be a JSON object, or the connection is closed unread (another protocol, such as a browser's
/// HTTP request, never reaches the pipeline); after it, a bad line gets an error line and the connection stays open;
/// a line longer than <see cref="MaxLineBytes"/> gets an error line and the connection is closed. A connection waits at
/// most <c>TrayPop:Listener:IdleTimeout</c> for a line to start, <see cref="ReadTimeout"/> for it to end, and
/// <see cref="WriteTimeout"/> for each reply to leave.
/// The pipeline is taken on the first event (or by <see cref="PopPathWarmup"/> once listening), so the port is
/// open before the Dataverse client is built.
/// </summary>
internal sealed class LineIntakeService(
    Lazy<CallPipeline> pipeline,
    IOptions<ListenerOptions> options,
    ListenerSecret secret,
    RefusalLog refusals,
    SameUserGuard sameUser,
    EventHistory history,
    TimeProvider time,
    ILogger<LineIntakeService> logger) : BackgroundService, IConnectionHandler
{
    public const int MaxLineBytes = 4096;
    private const string NotTheLineProtocol = "this port speaks the TrayPop line protocol only: one JSON object per line; the connection is closed";
    private const int MaxConnections = 32;

    /// <summary>From a line's first byte to its newline.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long one reply may take to leave: a client that sends and never reads is closed.</summary>
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(30);

    private LoopbackListener? _listener;

    /// <summary>The bound port (useful when configured as an ephemeral port in tests); 0 when the line is off.</summary>
    public int BoundPort => _listener is { Endpoints: [var first, ..] } ? first.Port : 0;

    /// <summary>Where the line protocol listens, once started.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints => _listener?.Endpoints ?? [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.LinePort != 0)
        {
            // Bound here, not in ExecuteAsync, so a taken port fails the start with a clear error.
            _listener = new LoopbackListener(
                new LoopbackListenerOptions("line", "tcp", "line protocol", options.Value.LinePort, MaxConnections), this, refusals, time, logger, sameUser);
            _listener.Bind();
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Cancel the accept loops first, so closing the sockets under them is never mistaken for a failure.
        await base.StopAsync(cancellationToken);
        if (_listener is not null)
        {
            await _listener.StopAsync(cancellationToken);
        }
    }

    public override void Dispose()
    {
        _listener?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _listener?.RunAsync(stoppingToken) ?? Task.CompletedTask;

    /// <summary>Told why in one error line, then closed.</summary>
    async Task IConnectionHandler.RefuseAsync(Socket socket, string reason, CancellationToken stopping)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            await stream.WriteAsync(Line(PopReportJson.Error("too many connections")), stopping);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Log.LineConnectionFailed(logger, ex.Message);
        }
    }

    /// <summary>Told why in one error line, then closed; nothing is read.</summary>
    async Task IConnectionHandler.ForbidAsync(Socket socket, string reason, CancellationToken stopping)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            await stream.WriteAsync(Line(PopReportJson.Error(reason)), stopping);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Log.LineConnectionFailed(logger, ex.Message);
        }
    }

    Task IConnectionHandler.ServeAsync(Socket socket, ConnectionSlot slot) => ServeAsync(new NetworkStream(socket, ownsSocket: true), slot);

    /// <summary>Serves one connection over <paramref name="stream"/> (an accepted socket's, or memory in tests), which it owns, until it closes.</summary>
    internal async Task ServeAsync(Stream stream, ConnectionSlot slot)
    {
        // One timer per connection, on the injected clock: idle, read or write timeout, whichever phase it is in.
        using var timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var closing = slot.Closing.Register(static state => ((CancellationTokenSource)state!).Cancel(), timer);
        var cancellationToken = timer.Token;
        try
        {
            var reader = new LineReader(stream, MaxLineBytes, new LineTimeouts(timer, options.Value.IdleTimeout, ReadTimeout, slot.SetIdle));
            var rate = new ConnectionRate(options.Value.MaxEventsPerSecond, time);
            var first = true;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (first && !LooksLikeJsonObject(line))
                {
                    // A browser's fetch or form POST to this port starts with its request line: nothing after it
                    // (a body line that reads as an event) may ever be taken for one.
                    refusals.Refused("line", slot.Peer, "the first line is not a JSON object (another protocol)");
                    await WriteAsync(stream, timer, PopReportJson.Error(NotTheLineProtocol));
                    return;
                }

                if (line.TooLong)
                {
                    // Its end may never come: told why, then closed rather than read on.
                    refusals.Refused("line", slot.Peer, $"a line longer than {MaxLineBytes} bytes; the connection is closed");
                    await WriteAsync(stream, timer, PopReportJson.Error($"the line is longer than {MaxLineBytes} bytes; the connection is closed"));
                    return;
                }

                first = false;
                var reply = await ReplyAsync(line, rate, slot.Peer, cancellationToken);
                await WriteAsync(stream, timer, reply);
            }
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !slot.Closing.IsCancellationRequested)
        {
            Log.LineConnectionTimedOut(logger);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Log.LineConnectionFailed(logger, ex.Message);
        }
        finally
        {
            slot.SetIdle(false);
            await stream.DisposeAsync();
        }
    }

    private static async Task WriteAsync(Stream stream, CancellationTokenSource timer, byte[] json)
    {
        timer.CancelAfter(WriteTimeout);
        try
        {
            await stream.WriteAsync(Line(json), timer.Token);
        }
        catch (OperationCanceledException)
        {
            // A client that does not read: reset, rather than closed behind replies it will never take.
            if (stream is NetworkStream { Socket: var socket })
            {
                socket.LingerState = new LingerOption(true, 0);
            }

            throw;
        }

        timer.CancelAfter(Timeout.InfiniteTimeSpan);
    }

    private async Task<byte[]> ReplyAsync(LineReader.Result line, ConnectionRate rate, string peer, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetTimestamp();
        if (!rate.TryAcquire())
        {
            refusals.Refused("line", "a local connection", "event rate");
            return PopReportJson.Error($"more than {options.Value.MaxEventsPerSecond} call events per second on one connection");
        }

        // The token before anything else: a line without it is neither decoded nor described in the log.
        if (secret.Required && !secret.Accepts(LineToken.Read(line.Bytes.Span)))
        {
            refusals.Refused("line", peer, "token missing or wrong");
            return PopReportJson.Error("the TrayPop token is missing or wrong (a \"token\" field)");
        }

        if (LineCommand.Read(line.Bytes.Span) is { } command)
        {
            return Answer(command, peer);
        }

        var decoded = CallEventDecoder.FromJson(line.Bytes.Span);
        if (decoded.Event is null)
        {
            refusals.Refused("line", peer, decoded.Error!);
            return PopReportJson.Error(decoded.Error!);
        }

        var report = await pipeline.Value.HandleAsync(decoded.Event with { Channel = CallChannels.Line }, launch: true, receivedAt, cancellationToken);
        return PopReportJson.ErrorStatus(report) is null ? PopReportJson.Report(report) : PopReportJson.Error(report.Reason!);
    }

    /// <summary>A question for the running instance (<c>traypop recent</c>), guarded by the token like an event.</summary>
    private byte[] Answer(LineCommand command, string peer)
    {
        if (!secret.Accepts(command.Token))
        {
            refusals.Refused("line", peer, "token missing or wrong");
            return PopReportJson.Error("the TrayPop token is missing or wrong (a \"token\" field)");
        }

        return command.Name == LineCommand.Recent
            ? PopReportJson.Recent(history.Snapshot())
            : PopReportJson.Error($"unknown command; the line protocol knows \"{LineCommand.Recent}\"");
    }

    /// <summary>Whether the line is shaped as a JSON object: <c>{</c> … <c>}</c> around optional whitespace, as no request line of another protocol is.</summary>
    internal static bool LooksLikeJsonObject(LineReader.Result line)
    {
        if (line.TooLong)
        {
            return false;
        }

        var bytes = line.Bytes.Span.Trim(" \t"u8);
        return bytes.Length >= 2 && bytes[0] == (byte)'{' && bytes[^1] == (byte)'}';
    }

    private static byte[] Line(byte[] json)
    {
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }
}
