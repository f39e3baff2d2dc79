using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Diagnostics;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake.Http;

/// <summary>
/// The HTTP intake's server: plain sockets on 127.0.0.1 and, where the machine has it, [::1], both on this
/// session's port. Nothing runs while nothing arrives: no heartbeat, no periodic timer, only pending accepts
/// and reads and one one-shot timer per open connection.
/// </summary>
internal sealed class HttpIntakeServer(
    IntakeRouter router,
    IOptions<ListenerOptions> options,
    RefusalLog refusals,
    TimeProvider time,
    ILogger<HttpIntakeServer> logger) : BackgroundService
{
    private readonly List<Socket> _listeners = [];
    private readonly ConcurrentDictionary<HttpConnection, byte> _connections = new();
    private int _open;

    /// <summary>Where the intake listens, once started.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints => [.. _listeners.Select(listener => (IPEndPoint)listener.LocalEndPoint!)];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Bound here, not in ExecuteAsync, so a taken port fails the start with a clear error.
        // Loopback only, whatever is configured: nothing off this machine may drive pops.
        var port = options.Value.Port;
        _listeners.Add(Bind(IPAddress.Loopback, port));
        if (LoopbackV6Available())
        {
            _listeners.Add(Bind(IPAddress.IPv6Loopback, ((IPEndPoint)_listeners[0].LocalEndPoint!).Port));
        }

        foreach (var endpoint in Endpoints)
        {
            Log.Listening(logger, $"http://{endpoint} (HTTP intake)");
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Cancel the accept loops and every connection first, so closing the sockets under them is never mistaken for a failure.
        await base.StopAsync(cancellationToken);
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(_connections.Keys.Select(connection => connection.Completion)).WaitAsync(cancellationToken);
    }

    public override void Dispose()
    {
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_listeners.Select(listener => AcceptAsync(listener, stoppingToken)));

    private async Task AcceptAsync(Socket listener, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                // A client that gave up while queued (reset before accept) is not the listener failing.
                Log.HttpConnectionEnded(logger, ex.Message);
                continue;
            }

            if (Interlocked.Increment(ref _open) > HttpLimits.MaxConnections)
            {
                // Past the limit a connection is closed at once, as Kestrel did, rather than queued: a local
                // process holding connections open must not make later callers wait behind it.
                Interlocked.Decrement(ref _open);
                refusals.Refused("http", "a local process", $"more than {HttpLimits.MaxConnections} open connections");
                client.Dispose();
                continue;
            }

            // Answers are small and latency is the point: send each at once.
            client.NoDelay = true;
            var connection = new HttpConnection(client, router, time, logger, stoppingToken);
            _connections.TryAdd(connection, 0);
            connection.Start();
            _ = ForgetWhenClosedAsync(connection);
        }
    }

    private async Task ForgetWhenClosedAsync(HttpConnection connection)
    {
        await connection.Completion;
        _connections.TryRemove(connection, out _);
        Interlocked.Decrement(ref _open);
    }

    private static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(new IPEndPoint(address, port));
            socket.Listen();
            return socket;
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            var url = $"http://{new IPEndPoint(address, port)}";
            // Worded as Kestrel worded it; StartupErrors turns it into the message that names the settings.
            throw ex.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? new IOException($"Failed to bind to address {url}: address already in use.", ex)
                : new IOException($"Failed to bind to address {url}: {ex.Message}", ex);
        }
    }

    /// <summary>Whether this machine can listen on [::1] (some have IPv6 switched off).</summary>
    internal static bool LoopbackV6Available()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return false;
        }

        try
        {
            using var probe = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
