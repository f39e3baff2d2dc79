using Microsoft.Extensions.Options;
using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Journal;

/// <summary>
/// Writes each ring, answer and end the pipeline handled to the outbox, before the intake answers the softphone.
/// A call without a call id is followed by its type and number: its events, from any channel, share one outbox row
/// until it ends, and for the dedupe window after, so a late copy of its end or answer from a second channel joins it.
/// </summary>
internal sealed class JournalListener(
    IJournalOutbox outbox, JournalDecision decision, CallerIdParser parser, IOptions<PopOptions> pop, TimeProvider time) : IPopListener
{
    private readonly Dictionary<string, (string Key, DateTimeOffset? Ended)> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _loaded;

    public void OnHandled(PopReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var callEvent = report.Event;
        if (report.Status == PopStatus.Refused || callEvent.Phase == CallPhase.Now || !decision.Journals(callEvent.Type))
        {
            return;
        }

        var callerId = report.Decision?.Result?.CallerId ?? parser.Parse(callEvent.Number);
        var number = callerId.E164 ?? callerId.Text;
        if (number.Length == 0)
        {
            // Withheld: nothing to journal the call against, and nothing to tell one withheld call from another.
            return;
        }

        var now = time.GetUtcNow();
        var (regarding, name) = report.Decision?.Result is { Outcome: LookupOutcome.Match, Matches: [var match] }
            ? (match, match.Name)
            : (null, report.Decision?.Result is { Outcome: LookupOutcome.Multiple } ? null : callEvent.DisplayName);
        var callId = string.IsNullOrEmpty(callEvent.CallId) ? null : callEvent.CallId;
        lock (_gate)
        {
            var key = callId is not null ? $"id:{callId}" : KeyWithoutId(callEvent.Type, number, callEvent.Phase, now);
            outbox.Append(new JournalEvent(key, callId, callEvent.Phase, now, number, callEvent.Type, name, regarding));
        }
    }

    private string KeyWithoutId(CallType type, string number, CallPhase phase, DateTimeOffset now)
    {
        if (!_loaded)
        {
            foreach (var call in outbox.OpenCallsWithoutId())
            {
                _open[$"{call.Type}:{call.Number}"] = (call.CallKey, null);
            }

            _loaded = true;
        }

        var follow = $"{type}:{number}";
        var window = pop.Value.DedupeWindow;
        foreach (var stale in _open.Where(p => p.Value.Ended is { } ended && now - ended > window).Select(p => p.Key).ToList())
        {
            _open.Remove(stale);
        }

        if (_open.TryGetValue(follow, out var known) && (known.Ended is null || phase == CallPhase.End || phase == CallPhase.Answer))
        {
            _open[follow] = (known.Key, phase == CallPhase.End ? known.Ended ?? now : known.Ended);
            return known.Key;
        }

        var key = $"n:{type}:{number}:{now.ToUnixTimeMilliseconds()}";
        _open[follow] = (key, phase == CallPhase.End ? now : null);
        return key;
    }
}
