namespace TrayPop.Intake.Listening;

/// <summary>
/// One served connection's place under its listener's cap: the connection says when it is idle (waiting for a request
/// or line with nothing of it arrived), and the listener may close the longest-idle one to make room for a new client.
/// </summary>
internal sealed class ConnectionSlot : IDisposable
{
    private readonly CancellationTokenSource _close;
    private readonly TimeProvider _time;
    private long _idleSince = long.MaxValue;
    private int _evicted;

    public ConnectionSlot(TimeProvider time, CancellationToken stopping)
    {
        _time = time;
        _close = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>How the refusal log names the peer: by its owner where the platform tells it (see <see cref="SameUserGuard"/>).</summary>
    public string Peer { get; init; } = SameUserGuard.UnknownPeer;

    /// <summary>Cancelled when the service stops or the listener closes this connection to make room.</summary>
    public CancellationToken Closing => _close.Token;

    /// <summary>The timestamp since which the connection has been idle, or <see cref="long.MaxValue"/> while busy.</summary>
    public long IdleSince => Volatile.Read(ref _idleSince);

    public bool IsIdle => IdleSince != long.MaxValue;

    public bool IsEvicted => Volatile.Read(ref _evicted) != 0;

    /// <summary>What the connection reports: true when it starts waiting with nothing arrived, false when bytes come.</summary>
    public void SetIdle(bool idle) => Volatile.Write(ref _idleSince, idle ? _time.GetTimestamp() : long.MaxValue);

    /// <summary>Closes the connection to make room, once; false when it was already being closed.</summary>
    public bool TryEvict()
    {
        if (Interlocked.Exchange(ref _evicted, 1) != 0)
        {
            return false;
        }

        try
        {
            _close.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        return true;
    }

    public void Dispose() => _close.Dispose();
}
