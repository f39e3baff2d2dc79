using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;

namespace TrayPop.Core.Calls;

/// <summary>
/// How many CRM lookups TrayPop starts, across every connection and channel: a token bucket of
/// <c>TrayPop:Listener:MaxLookupsPerSecond</c> (a second's worth of burst), and one lookup at a time per number (a
/// second event for a number whose lookup is under way joins it). Ring-time lookups may only use the upper half of the
/// bucket, so a flood of rings is shed first and an answer (or an event without a phase) still finds a lookup: the
/// agent's real call opens its record, and a flood never spends the agent's Dataverse allowance or opens the circuit.
/// </summary>
internal sealed class LookupBudget
{
    private readonly TimeProvider _time;
    private readonly double _perSecond;
    private readonly double _capacity;
    private readonly double _answerReserve;
    private readonly Dictionary<string, Task<LookupResult>> _inFlight = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private double _tokens;
    private long _refilledAt;

    public LookupBudget(int perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        _time = time;
        _perSecond = perSecond;
        _capacity = perSecond;
        _answerReserve = Math.Floor(perSecond / 2.0);
        _tokens = _capacity;
        _refilledAt = time.GetTimestamp();
    }

    public int PerSecond => (int)_perSecond;

    /// <summary>
    /// The lookup for <paramref name="callerId"/>: the one under way for the same number, or a new one from
    /// <paramref name="start"/> when the budget allows; null when it does not (nothing reaches the CRM).
    /// </summary>
    public Task<LookupResult>? TryStart(CallerId callerId, CallPhase phase, Func<Task<LookupResult>> start)
    {
        if (callerId.Kind == CallerIdKind.Withheld)
        {
            // Nothing to search for: the lookup answers without the CRM.
            return start();
        }

        var number = callerId.E164 ?? callerId.Text;
        lock (_gate)
        {
            if (_inFlight.TryGetValue(number, out var running))
            {
                return running;
            }

            Refill();
            var floor = phase == CallPhase.Ring ? _answerReserve : 0;
            if (_tokens - 1 < floor)
            {
                return null;
            }

            _tokens--;
            var lookup = start();
            if (!lookup.IsCompleted)
            {
                _inFlight[number] = lookup;
                _ = lookup.ContinueWith(_ => Finished(number, lookup), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return lookup;
        }
    }

    private void Finished(string number, Task<LookupResult> lookup)
    {
        lock (_gate)
        {
            if (_inFlight.TryGetValue(number, out var running) && running == lookup)
            {
                _inFlight.Remove(number);
            }
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        if (elapsed > 0)
        {
            _tokens = Math.Min(_capacity, _tokens + (elapsed * _perSecond));
            _refilledAt = now;
        }
    }
}
