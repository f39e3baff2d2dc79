using Microsoft.Extensions.Options;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Calls;

/// <summary>
/// Remembers calls between their events so each pops once: by call id when the softphone gives one,
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

    /// <summary>Runs <paramref name="action"/> on the call's state under the tracker's lock.</summary>
    public T With<T>(CallEvent callEvent, CallerId callerId, Func<TrackedCall, DateTimeOffset, T> action)
    {
        var now = time.GetUtcNow();
        var key = Key(callEvent, callerId);
        lock (_gate)
        {
            Prune(now);
            if (!_calls.TryGetValue(key, out var call))
            {
                call = new TrackedCall(now);
                _calls[key] = call;
            }

            return action(call, now);
        }
    }

    public void Forget(CallEvent callEvent, CallerId callerId)
    {
        lock (_gate)
        {
            _calls.Remove(Key(callEvent, callerId));
        }
    }

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
