using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Intake.Listening;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake.Http;

/// <summary>
/// The HTTP intake's server: a <see cref="LoopbackListener"/> on this session's port whose connections speak HTTP/1.1
/// to an <see cref="IHttpHandler"/>. Nothing runs while nothing arrives: no heartbeat, no periodic timer, only pending
/// accepts and reads and one one-shot timer per open connection.
/// </summary>
internal sealed class HttpIntakeServer : BackgroundService, IConnectionHandler
{
    private readonly IHttpHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILogger<HttpIntakeServer> _logger;
    private readonly LoopbackListener _listener;
    private readonly RefusalLog _refusals;
    private readonly TimeSpan _idleTimeout;

    /// <summary>Connections waiting for a request; what the connection cap may close to make room.</summary>
    internal int IdleConnections => _listener.IdleConnections;

    public HttpIntakeServer(
        IHttpHandler handler, IOptions<ListenerOptions> options, RefusalLog refusals, SameUserGuard sameUser, TimeProvider time, ILogger<HttpIntakeServer> logger)
    {
        _handler = handler;
        _time = time;
        _logger = logger;
        _refusals = refusals;
        _idleTimeout = options.Value.IdleTimeout;
        _listener = new LoopbackListener(
            new LoopbackListenerOptions("http", "http", "HTTP intake", options.Value.Port, HttpLimits.MaxConnections), this, refusals, time, logger, sameUser);
    }

    /// <summary>Where the intake listens, once started.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints => _listener.Endpoints;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Bound here, not in ExecuteAsync, so a taken port fails the start with a clear error.
        _listener.Bind();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Cancel the accept loops and every connection first, so closing the sockets under them is never mistaken for a failure.
        await base.StopAsync(cancellationToken);
        await _listener.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _listener.RunAsync(stoppingToken);

    Task IConnectionHandler.ServeAsync(Socket socket, ConnectionSlot slot) => ServeAsync(new SocketTransport(socket), slot);

    /// <summary>Serves one connection over <paramref name="transport"/> (an accepted socket, or memory in tests) until it closes.</summary>
    internal Task ServeAsync(IHttpTransport transport, ConnectionSlot slot)
    {
        var settings = new HttpConnectionSettings
        {
            IdleTimeout = _idleTimeout,
            IdleChanged = slot.SetIdle,
            Peer = slot.Peer,
            Rejected = (status, reason) => _refusals.Refused("http", slot.Peer, status == 0 ? reason : $"{status}: {reason}"),
        };
        var connection = new HttpConnection(transport, _handler, _time, _logger, settings, slot.Closing);
        connection.Start();
        return connection.Completion;
    }

    /// <summary>Closed at once, as Kestrel did: an HTTP client reads that as a refused connection.</summary>
    Task IConnectionHandler.RefuseAsync(Socket socket, string reason, CancellationToken stopping)
    {
        socket.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>403 with the reason as <c>{"error":…}</c>, then closed; the request is never read.</summary>
    async Task IConnectionHandler.ForbidAsync(Socket socket, string reason, CancellationToken stopping)
    {
        using (socket)
        {
            var body = new System.Buffers.ArrayBufferWriter<byte>(128);
            using (var json = new System.Text.Json.Utf8JsonWriter(body))
            {
                json.WriteStartObject();
                json.WriteString("error", reason);
                json.WriteEndObject();
            }

            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            HttpResponseWriter.Write(buffer, HttpResponse.Json(HttpStatus.Forbidden, body.WrittenSpan.ToArray()), keepAlive: false, _time.GetUtcNow(), omitBody: false);
            try
            {
                await socket.SendAsync(buffer.WrittenMemory, SocketFlags.None, stopping);
                socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                Log.HttpConnectionEnded(_logger, ex.Message);
            }
        }
    }
}
