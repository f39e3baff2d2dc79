using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake.Listening;

/// <summary>
/// Listening for both intakes: binds 127.0.0.1 and, where the machine has it, [::1] on one port (loopback only,
/// whatever is configured: nothing off this machine may drive pops), accepts, caps open connections, logs refusals, and
/// refuses connections from other users' processes (<see cref="SameUserGuard"/>), and hands each connection to its
/// protocol's <see cref="IConnectionHandler"/>. At the cap, the longest-idle connection is closed to make room for a new
/// client; only when every connection is busy is the new one refused. A failed accept is logged and retried after
/// a pause that grows while failures repeat, so neither one stray error nor a storm of them ends or spins the loop.
/// </summary>
internal sealed class LoopbackListener(
    LoopbackListenerOptions options, IConnectionHandler handler, RefusalLog refusals, TimeProvider time, ILogger logger, SameUserGuard? sameUser = null) : IAsyncDisposable
{
    private readonly List<Socket> _listeners = [];
    private readonly ConcurrentDictionary<Task, ConnectionSlot?> _connections = new();
    private int _open;

    /// <summary>Where it listens, once bound.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints => [.. _listeners.Select(listener => (IPEndPoint)listener.LocalEndPoint!)];

    /// <summary>The accept step, replaceable so tests can make it fail.</summary>
    internal Func<Socket, CancellationToken, ValueTask<Socket>> Accept { get; init; } = static (listener, cancellationToken) => listener.AcceptAsync(cancellationToken);

    /// <summary>Binds both addresses; throws <see cref="IOException"/> worded as Kestrel worded it when the port is taken.</summary>
    public void Bind()
    {
        _listeners.Add(Bind(IPAddress.Loopback, options.Port));
        if (LoopbackV6Available())
        {
            try
            {
                _listeners.Add(Bind(IPAddress.IPv6Loopback, Endpoints[0].Port));
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        foreach (var endpoint in Endpoints)
        {
            Log.Listening(logger, $"{options.Scheme}://{endpoint} ({options.Description})");
        }
    }

    /// <summary>Accepts on every bound address until <paramref name="stopping"/>.</summary>
    public Task RunAsync(CancellationToken stopping) => Task.WhenAll(_listeners.Select(listener => AcceptLoopAsync(listener, stopping)));

    /// <summary>Closes the listening sockets and waits for the open connections to end (they see the same stop).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        await Task.WhenAll(_connections.Keys).WaitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Dispose()
    {
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stopping)
    {
        var backoff = options.AcceptBackoff;
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await Accept(listener, stopping);
                backoff = options.AcceptBackoff;
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A client that gave up while queued (reset before accept) is not the listener failing, and neither is
                // anything else one accept throws: log it, pause, go on.
                Log.AcceptFailed(logger, options.Description, ex.Message);
                try
                {
                    await Task.Delay(backoff, time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxAcceptBackoff.Ticks));
                continue;
            }

            // Answers are small and latency is the point: send each at once.
            client.NoDelay = true;
            if (Interlocked.Increment(ref _open) > options.MaxConnections && !EvictLongestIdle())
            {
                // Past the cap a connection is answered and closed at once rather than queued: a local process holding
                // connections open must not make later callers wait behind it.
                var reason = $"more than {options.MaxConnections} open connections";
                refusals.Refused(options.Channel, "a local process", reason);
                Track(handler.RefuseAsync(client, reason, stopping));
                continue;
            }

            var peer = SameUserGuard.UnknownPeer;
            if (sameUser is not null && !sameUser.Admits(client, out peer))
            {
                refusals.Refused(options.Channel, peer, SameUserGuard.Reason);
                Track(handler.ForbidAsync(client, SameUserGuard.Reason, stopping));
                continue;
            }

            var slot = new ConnectionSlot(time, stopping) { Peer = peer };
            Track(handler.ServeAsync(client, slot), slot);
        }
    }

    /// <summary>Connections waiting for a request (the ones the cap may close to make room).</summary>
    internal int IdleConnections => _connections.Values.Count(slot => slot is { IsIdle: true, IsEvicted: false });

    /// <summary>
    /// At the cap, the connection idle longest (one that has sent nothing, or nothing since its last answer, so has
    /// passed no token check since) is closed to make room; false when every connection is busy.
    /// </summary>
    private bool EvictLongestIdle()
    {
        while (true)
        {
            ConnectionSlot? longest = null;
            foreach (var slot in _connections.Values)
            {
                if (slot is { IsIdle: true, IsEvicted: false } && (longest is null || slot.IdleSince < longest.IdleSince))
                {
                    longest = slot;
                }
            }

            if (longest is null)
            {
                return false;
            }

            if (longest.TryEvict())
            {
                refusals.Refused(options.Channel, "a local process", $"the longest-idle connection was closed to make room under {options.MaxConnections} open connections");
                return true;
            }
        }
    }

    /// <summary>Keeps <paramref name="connection"/> until it ends, then frees its place under the cap.</summary>
    private void Track(Task connection, ConnectionSlot? slot = null)
    {
        _connections.TryAdd(connection, slot);
        _ = ForgetWhenEndedAsync(connection, slot);
    }

    private async Task ForgetWhenEndedAsync(Task connection, ConnectionSlot? slot)
    {
        try
        {
            await connection;
        }
#pragma warning disable CA1031 // A fault of a handler in one connection must not take the listener down: log it, free its place.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ConnectionFailed(logger, options.Description, ex);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            Interlocked.Decrement(ref _open);
            slot?.Dispose();
        }
    }

    private Socket Bind(IPAddress address, int port)
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
            var url = $"{options.Scheme}://{new IPEndPoint(address, port)}";
            // Worded as Kestrel worded it; StartupErrors turns it into the message that names the settings.
            throw ex.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? new IOException($"Failed to bind to address {url}: address already in use.", ex)
                : new IOException($"Failed to bind to address {url}: {ex.Message}", ex);
        }
    }

    /// <summary>Whether this machine can listen on [::1] (some have IPv6 switched off).</summary>
    private static bool LoopbackV6Available()
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
