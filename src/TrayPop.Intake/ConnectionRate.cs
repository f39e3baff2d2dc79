namespace TrayPop.Intake;

/// <summary>Counts one connection's events in the current second; a connection past the limit is answered 429 or an error line.</summary>
internal sealed class ConnectionRate(int perSecond, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _count;

    public bool TryAcquire()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (now - _windowStart >= TimeSpan.FromSeconds(1))
            {
                _windowStart = now;
                _count = 0;
            }

            return ++_count <= perSecond;
        }
    }
}
