namespace DataverseEmulator;

/// <summary>
/// Faults applied to the next Web API requests (requests under <c>/api/data/</c>; a $batch is one request).
/// Queued faults are used once each, in order; a kept fault applies to every request until <see cref="Clear"/>.
/// A queued fault goes before a kept one. Targeted faults (<see cref="EmulatorFault.BatchPart"/>,
/// <see cref="EmulatorFault.UrlPattern"/>) wait for the first request or $batch part they hit. Thread-safe.
/// Also reachable over HTTP at <c>/_emulator/faults</c>.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<EmulatorFault> _queue = new();
    private readonly List<(EmulatorFault Fault, bool Keep)> _targeted = [];
    private EmulatorFault? _kept;
    private long _keptSeen;

    /// <summary>
    /// Raised (on a server thread) once a request's delay timer exists, with the delay: a test using a
    /// FakeTimeProvider can advance the clock from then on without polling.
    /// </summary>
    public event EventHandler<TimeSpan>? DelayStarted;

    /// <summary>Faults still queued, in the order they will be used (targeted ones after the others).</summary>
    public IReadOnlyList<EmulatorFault> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _queue, .. _targeted.Where(t => !t.Keep).Select(t => t.Fault)];
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

    /// <summary>Targeted faults kept until cleared.</summary>
    public IReadOnlyList<EmulatorFault> KeptTargeted
    {
        get
        {
            lock (_gate)
            {
                return [.. _targeted.Where(t => t.Keep).Select(t => t.Fault)];
            }
        }
    }

    /// <summary>Applies <paramref name="fault"/> to each of the next <paramref name="count"/> requests (or parts it targets).</summary>
    public void Enqueue(EmulatorFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                if (fault.IsTargeted)
                {
                    _targeted.Add((fault, false));
                }
                else
                {
                    _queue.Enqueue(fault);
                }
            }
        }
    }

    /// <summary>Applies <paramref name="fault"/> to every request (or part it targets) until <see cref="Clear"/>.</summary>
    public void Keep(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            if (fault.IsTargeted)
            {
                _targeted.Add((fault, true));
            }
            else
            {
                (_kept, _keptSeen) = (fault, 0);
            }
        }
    }

    /// <summary>Removes queued and kept faults.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _targeted.Clear();
            _kept = null;
        }
    }

    public void DelayNext(TimeSpan delay, int count = 1) => Enqueue(EmulatorFault.Latency(delay), count);

    public void ThrottleNext(TimeSpan retryAfter, int count = 1) => Enqueue(EmulatorFault.Throttle(retryAfter), count);

    public void FailNext(int statusCode = 500, int count = 1) => Enqueue(EmulatorFault.Status(statusCode), count);

    public void DropNext(int count = 1) => Enqueue(EmulatorFault.DropConnection(), count);

    /// <summary>Throttles (429 with Retry-After) the <paramref name="part"/>-th request of the next $batch, inside its part.</summary>
    public void ThrottlePart(int part, TimeSpan retryAfter) => Enqueue(EmulatorFault.Throttle(retryAfter).InBatchPart(part));

    /// <summary>The fault for a whole Web API request at <paramref name="target"/>, if any.</summary>
    internal EmulatorFault? Take(string target)
    {
        lock (_gate)
        {
            return _queue.TryDequeue(out var fault) ? fault : TakeTargeted(null, target) ?? KeptFor();
        }
    }

    /// <summary>The kept fault when it hits this request: every request for a whole fault, evenly its share otherwise.</summary>
    private EmulatorFault? KeptFor()
    {
        if (_kept is not { Share: < 1 } shared)
        {
            return _kept;
        }

        var seen = ++_keptSeen;
        return Math.Floor(seen * shared.Share) > Math.Floor((seen - 1) * shared.Share) ? shared : null;
    }

    /// <summary>The fault for one $batch part, if a targeted fault hits it.</summary>
    internal EmulatorFault? TakeForPart(int partNumber, string url)
    {
        lock (_gate)
        {
            return TakeTargeted(partNumber, url);
        }
    }

    internal void OnDelayStarted(TimeSpan delay) => DelayStarted?.Invoke(this, delay);

    private EmulatorFault? TakeTargeted(int? partNumber, string url)
    {
        var index = _targeted.FindIndex(t => (partNumber is not null || t.Fault.BatchPart is null) && t.Fault.Hits(partNumber, url));
        if (index < 0)
        {
            return null;
        }

        var (fault, keep) = _targeted[index];
        if (!keep)
        {
            _targeted.RemoveAt(index);
        }

        return fault;
    }
}
