using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Calls;
using TrayPop.Core.Diagnostics;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake;

/// <summary>
/// The TCP line protocol on loopback: one JSON call event per line in, one JSON reply per line out.
/// A bad line gets an error line and the connection stays open; an overlong line is skipped to its end.
/// The pipeline is taken on the first event (or by <see cref="PopPathWarmup"/> once listening), so the port is
/// open before the Dataverse client is built.
/// </summary>
internal sealed class LineIntakeService(
    Lazy<CallPipeline> pipeline,
    IOptions<ListenerOptions> options,
    ListenerSecret secret,
    RefusalLog refusals,
    TimeProvider time,
    ILogger<LineIntakeService> logger) : BackgroundService
{
    public const int MaxLineBytes = 4096;
    private const int MaxConnections = 32;

    private readonly SemaphoreSlim _connections = new(MaxConnections, MaxConnections);
    private TcpListener? _listener;

    /// <summary>The bound port (useful when configured as an ephemeral port in tests).</summary>
    public int BoundPort { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.LinePort != 0)
        {
            // Bound here, not in ExecuteAsync, so a taken port fails the start with a clear error.
            _listener = new TcpListener(IPAddress.Loopback, options.Value.LinePort);
            _listener.Start();
            BoundPort = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Log.Listening(logger, $"tcp://127.0.0.1:{BoundPort} (line protocol)");
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Cancel the accept loop first, so closing the socket under it is never mistaken for a failure.
        await base.StopAsync(cancellationToken);
        _listener?.Stop();
    }

    public override void Dispose()
    {
        _listener?.Dispose();
        _connections.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (!_connections.Wait(0, CancellationToken.None))
            {
                await RefuseAsync(client, stoppingToken);
                continue;
            }

            _ = ServeAsync(client, stoppingToken);
        }
    }

    private static async Task RefuseAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                await client.GetStream().WriteAsync(Line(PopReportJson.Error("too many connections")), cancellationToken);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var reader = new LineReader(stream, MaxLineBytes);
                var rate = new ConnectionRate(options.Value.MaxEventsPerSecond, time);
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    var reply = await ReplyAsync(line, rate, cancellationToken);
                    await stream.WriteAsync(Line(reply), cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Log.LineConnectionFailed(logger, ex.Message);
        }
        finally
        {
            _connections.Release();
        }
    }

    private async Task<byte[]> ReplyAsync(LineReader.Result line, ConnectionRate rate, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetTimestamp();
        if (!rate.TryAcquire())
        {
            refusals.Refused("line", "a local connection", "event rate");
            return PopReportJson.Error($"more than {options.Value.MaxEventsPerSecond} call events per second on one connection");
        }

        if (line.TooLong)
        {
            Log.EventRejected(logger, "line", "line too long");
            return PopReportJson.Error($"the line is longer than {MaxLineBytes} bytes");
        }

        var decoded = CallEventDecoder.FromJson(line.Bytes.Span);
        if (decoded.Event is null)
        {
            Log.EventRejected(logger, "line", decoded.Error!);
            return PopReportJson.Error(decoded.Error!);
        }

        if (!secret.Accepts(decoded.Token))
        {
            refusals.Refused("line", "a local process", "token missing or wrong");
            return PopReportJson.Error("the TrayPop token is missing or wrong (a \"token\" field)");
        }

        var report = await pipeline.Value.HandleAsync(decoded.Event, launch: true, receivedAt, cancellationToken);
        return PopReportJson.Report(report);
    }

    private static byte[] Line(byte[] json)
    {
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }
}
