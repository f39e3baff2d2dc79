using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Calls;
using TrayPop.Core.Diagnostics;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Journal;

/// <summary>
/// Writes each ring, answer and end the pipeline accepted to the outbox, beside the lookup and the launch, before the
/// intake answers the softphone. A call without a call id is followed by its type and number: its events, from any
/// channel, share one outbox row until it ends, and for the dedupe window after, so a late copy of its end or answer
/// from a second channel joins it. A write that fails costs the agent nothing: the reply says so, the log has it once
/// at Error, and <c>/health</c> shows it.
/// </summary>
internal sealed class CallJournal(
    IJournalOutbox outbox, JournalDecision decision, JournalStatus status, IOptions<PopOptions> pop, TimeProvider time, ILogger<CallJournal> logger)
    : ICallJournal
{
    // Since: when the call was answered, or first seen; a call whose end never comes is closed MaxCallLength after it.
    private readonly Dictionary<string, (string Key, DateTimeOffset Since, DateTimeOffset? Ended)> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _loaded;

    public JournalWrite? Start(CallEvent callEvent, CallerId callerId, Task<LookupResult>? lookup)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        ArgumentNullException.ThrowIfNull(callerId);
        if (callEvent.Phase == CallPhase.Now || !decision.Journals(callEvent.Type))
        {
            return null;
        }

        var number = callerId.E164 ?? callerId.Text;
        if (number.Length == 0)
        {
            // Withheld: nothing to journal the call against, and nothing to tell one withheld call from another.
            return null;
        }

        var now = time.GetUtcNow();
        var known = lookup is { IsCompletedSuccessfully: true } done ? done.Result : null;
        var regarding = Regarding(known);
        var name = regarding?.Name ?? (known is { Outcome: LookupOutcome.Multiple } ? null : callEvent.DisplayName);
        var callId = string.IsNullOrEmpty(callEvent.CallId) ? null : callEvent.CallId;
        string key;
        Task appended;
        try
        {
            lock (_gate)
            {
                key = callId is not null ? $"id:{callId}" : KeyWithoutId(callEvent.Type, number, callEvent.Phase, now);
                appended = outbox.AppendAsync(new JournalEvent(key, callId, callEvent.Phase, now, number, callEvent.Type, name, regarding));
            }
        }
#pragma warning disable CA1031 // Reported in the reply, the log and /health; never a failed pop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            key = callId ?? string.Empty;
            appended = Task.FromException(ex);
        }

        return new JournalWrite(this, key, appended, regarding is not null, lookup);
    }

    /// <summary>The record a call regards: the lookup's only match; none for an unknown caller or several matches.</summary>
    internal static CrmRecord? Regarding(LookupResult? result) =>
        result is { Outcome: LookupOutcome.Match, Matches: [var match] } ? match : null;

    internal Task Regard(string callKey, CrmRecord record) => outbox.RegardAsync(callKey, record);

    internal void RegardWhenFound(string callKey, CallEvent callEvent, Task<LookupResult> lookup) =>
        _ = lookup.ContinueWith(
            async found =>
            {
                if (found.IsCompletedSuccessfully && Regarding(found.Result) is { } record)
                {
                    try
                    {
                        await outbox.RegardAsync(callKey, record);
                    }
#pragma warning disable CA1031 // A background write: reported, never thrown into nowhere.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        Report(ex, callEvent);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default).Unwrap();

    /// <summary>How long a reply waits for the outbox: a commit takes about a millisecond, a stalled disk forever.</summary>
    internal static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(1);

    /// <summary>True when <paramref name="write"/> ended (either way) within <see cref="ReplyWait"/>.</summary>
    internal async Task<bool> WithinReplyWaitAsync(Task write)
    {
        if (write.IsCompleted)
        {
            return true;
        }

        using var cancel = new CancellationTokenSource();
        var timeout = Task.Delay(ReplyWait, time, cancel.Token);
        var first = await Task.WhenAny(write, timeout).ConfigureAwait(false);
        await cancel.CancelAsync().ConfigureAwait(false);
        return first == write;
    }

    internal void Written() => status.SetOutboxWritten();

    internal JournalOutcome Failed(CallEvent callEvent, Exception ex, string reply)
    {
        Report(ex, callEvent);
        return JournalOutcome.Failed(reply);
    }

    private void Report(Exception ex, CallEvent callEvent)
    {
        var error = Describe(ex);
        status.SetOutboxError(error, time.GetUtcNow());
        Log.JournalWriteFailed(logger, callEvent.CallId ?? "-", callEvent.Type, callEvent.Phase, error);
    }

    private static string Describe(Exception ex) =>
        $"outbox: {ex.GetType().Name}: {OutsideText.Escape((ex.InnerException ?? ex).Message, 200)}";

    private string KeyWithoutId(CallType type, string number, CallPhase phase, DateTimeOffset now)
    {
        if (!_loaded)
        {
            foreach (var call in outbox.OpenCallsWithoutId())
            {
                _open[$"{call.Type}:{call.Number}"] = (call.CallKey, call.AnsweredAt ?? call.FirstSeen, null);
            }

            _loaded = true;
        }

        var follow = $"{type}:{number}";
        var window = pop.Value.DedupeWindow;
        // An end that never came (a queue call answered elsewhere) must not hold the number forever: once the sender has
        // closed the call at its deadline, the next call from the number is a call of its own.
        var stales = _open.Where(p => p.Value.Ended is { } ended ? now - ended > window : now - p.Value.Since > decision.MaxCallLength);
        foreach (var stale in stales.Select(p => p.Key).ToList())
        {
            _open.Remove(stale);
        }

        if (_open.TryGetValue(follow, out var known) && (known.Ended is null || phase == CallPhase.End || phase == CallPhase.Answer))
        {
            _open[follow] = (known.Key, phase == CallPhase.Answer ? now : known.Since, phase == CallPhase.End ? known.Ended ?? now : known.Ended);
            return known.Key;
        }

        var key = $"n:{type}:{number}:{now.ToUnixTimeMilliseconds()}";
        _open[follow] = (key, now, phase == CallPhase.End ? now : null);
        return key;
    }
}
