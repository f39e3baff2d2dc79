namespace DataverseEmulator;

/// <summary>
/// Faults applied to the next Web API requests (requests under <c>/api/data/</c>; a $batch is one request).
/// Queued faults are used once each, in order; a kept fault applies to every request until <see cref="Clear"/>.
/// A queued fault goes before a kept one. Thread-safe. Also reachable over HTTP at <c>/_emulator/faults</c>.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<EmulatorFault> _queue = new();
    private EmulatorFault? _kept;

    /// <summary>
    /// Raised (on a server thread) once a request's delay timer exists, with the delay: a test using a
    /// FakeTimeProvider can advance the clock from then on without polling.
    /// </summary>
    public event EventHandler<TimeSpan>? DelayStarted;

    /// <summary>Faults still queued, in the order they will be used.</summary>
    public IReadOnlyList<EmulatorFault> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _queue];
            }
        }
    }

    /// <summary>The fault applied to every request until cleared, if any.</summary>
    public EmulatorFault? Kept
    {
        get
        {
            lock (_gate)
            {
                return _kept;
            }
        }
    }

    /// <summary>Applies <paramref name="fault"/> to each of the next <paramref name="count"/> requests.</summary>
    public void Enqueue(EmulatorFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _queue.Enqueue(fault);
            }
        }
    }

    /// <summary>Applies <paramref name="fault"/> to every request until <see cref="Clear"/>.</summary>
    public void Keep(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _kept = fault;
        }
    }

    /// <summary>Removes queued and kept faults.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _kept = null;
        }
    }

    public void DelayNext(TimeSpan delay, int count = 1) => Enqueue(EmulatorFault.Latency(delay), count);

    public void ThrottleNext(TimeSpan retryAfter, int count = 1) => Enqueue(EmulatorFault.Throttle(retryAfter), count);

    public void FailNext(int statusCode = 500, int count = 1) => Enqueue(EmulatorFault.Status(statusCode), count);

    public void DropNext(int count = 1) => Enqueue(EmulatorFault.DropConnection(), count);

    internal EmulatorFault? Take()
    {
        lock (_gate)
        {
            return _queue.TryDequeue(out var fault) ? fault : _kept;
        }
    }

    internal void OnDelayStarted(TimeSpan delay) => DelayStarted?.Invoke(this, delay);
}
