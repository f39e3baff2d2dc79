using Microsoft.Extensions.Options;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Calls;

/// <summary>
/// Remembers calls between their events so each pops once: by call id (and its number) when the softphone gives one,
/// else by number and type within the dedupe window. Old entries are dropped on the next event,
/// so an idle TrayPop runs no timer.
/// </summary>
internal sealed class CallTracker(IOptions<PopOptions> options, TimeProvider time)
{
    // A call with an id lives as long as a long call may; one without lives for the dedupe window.
    private static readonly TimeSpan CallLifetime = TimeSpan.FromHours(4);
    private const int MaxCalls = 1000;

    private readonly TimeSpan _window = options.Value.DedupeWindow;
    private readonly Dictionary<string, TrackedCall> _calls = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// Runs <paramref name="action"/> on the call's state under the tracker's lock; or, when the call id is already
    /// known with another number, touches nothing and returns <paramref name="otherNumber"/>: a call is its call id and
    /// its number, so an event that borrows a real call's id can neither choose its record nor make it a duplicate.
    /// </summary>
    public T With<T>(CallEvent callEvent, CallerId callerId, Func<TrackedCall, DateTimeOffset, T> action, T otherNumber)
    {
        var now = time.GetUtcNow();
        var key = Key(callEvent, callerId);
        var number = NumberOf(callerId);
        lock (_gate)
        {
            Prune(now);
            if (!_calls.TryGetValue(key, out var call))
            {
                call = new TrackedCall(now, number, callEvent.Type);
                _calls[key] = call;
            }
            else if (!string.Equals(call.Number, number, StringComparison.Ordinal))
            {
                return otherNumber;
            }

            return action(call, now);
        }
    }

    /// <summary>Forgets the call, unless its id is known with another number; false then.</summary>
    public bool Forget(CallEvent callEvent, CallerId callerId) => Forget(callEvent, callerId, out TrackedCall? _);

    /// <summary>As <see cref="Forget(CallEvent, CallerId)"/>, with the type of the call it forgot (null when it knew none).</summary>
    public bool Forget(CallEvent callEvent, CallerId callerId, out CallType? knownType)
    {
        var forgot = Forget(callEvent, callerId, out TrackedCall? call);
        knownType = call?.Type;
        return forgot;
    }

    /// <summary>As <see cref="Forget(CallEvent, CallerId)"/>, with the call it forgot (its type, its lookup), null when it knew none.</summary>
    public bool Forget(CallEvent callEvent, CallerId callerId, out TrackedCall? forgotten)
    {
        forgotten = null;
        var key = Key(callEvent, callerId);
        lock (_gate)
        {
            if (_calls.TryGetValue(key, out var call) && !string.Equals(call.Number, NumberOf(callerId), StringComparison.Ordinal))
            {
                return false;
            }

            forgotten = call;
            _calls.Remove(key);
            return true;
        }
    }

    private static string NumberOf(CallerId callerId) => callerId.E164 ?? callerId.Text;

    private static string Key(CallEvent callEvent, CallerId callerId) =>
        string.IsNullOrEmpty(callEvent.CallId)
            ? $"n:{callEvent.Type}:{callerId.E164 ?? callerId.Text}"
            : $"i:{callEvent.CallId}";

    private void Prune(DateTimeOffset now)
    {
        if (_calls.Count == 0)
        {
            return;
        }

        List<string>? stale = null;
        foreach (var (key, call) in _calls)
        {
            var lifetime = key[0] == 'i' ? CallLifetime : _window;
            if (now - call.Since >= lifetime || (_calls.Count > MaxCalls && now - call.Since >= _window))
            {
                (stale ??= []).Add(key);
            }
        }

        stale?.ForEach(key => _calls.Remove(key));
    }
}
