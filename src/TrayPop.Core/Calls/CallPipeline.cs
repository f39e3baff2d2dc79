using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Diagnostics;
using TrayPop.Core.Journal;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Calls;

/// <summary>
/// Every intake channel feeds this one pipeline: dedupe, the rule for the call's type and phase, one lookup
/// (started on ring and reused on answer), the pop decision within the pop budget, then the launcher and notifier.
/// </summary>
internal sealed class CallPipeline(
    CallerIdParser parser,
    ICallerLookup lookup,
    PopDecider decider,
    CallTracker tracker,
    PopRateLimiter limiter,
    LookupBudget budget,
    PopSwitch popSwitch,
    CrmLauncher launcher,
    INotifier notifier,
    IEnumerable<IPopListener> listeners,
    ICallJournal journal,
    EventHistory history,
    LogPrivacy privacy,
    IOptions<PopOptions> options,
    TimeProvider time,
    ILogger<CallPipeline> logger)
{
    /// <summary>Why an event whose caller id is no number is refused, as the intakes reply it.</summary>
    public const string UnrecognisedReason = "number must be a phone number, a sip:/tel: address, or a withheld word such as 'anonymous'";

    private readonly PopOptions _options = options.Value;
    private readonly IPopListener[] _listeners = listeners.ToArray();

    /// <summary>
    /// Handles one event; with <paramref name="launch"/> false the decision is only returned (<c>GET /pop</c> redirects to it).
    /// <paramref name="receivedAt"/> is the <see cref="TimeProvider.GetTimestamp"/> at which the intake got the event.
    /// The journal's durable write starts as soon as the event is accepted and runs beside the lookup and the launch,
    /// which never wait for it; the returned report (the softphone's reply) waits for both.
    /// </summary>
    public async Task<PopReport> HandleAsync(CallEvent callEvent, bool launch = true, long receivedAt = 0, CancellationToken cancellationToken = default)
    {
        receivedAt = receivedAt == 0 ? time.GetTimestamp() : receivedAt;
        var triage = Triage(callEvent);
        var journaling = triage.Report is { Status: PopStatus.Refused } ? null : journal.Start(triage.Event, triage.CallerId, triage.Lookup);
        PopReport report;
        try
        {
            if (triage.Report is { } final)
            {
                report = final;
            }
            else
            {
                var decision = await DecideWithinBudgetAsync(triage.Rule!, triage.CallerId, triage.Lookup!, triage.FromRing, cancellationToken);
                var choose = decision.Notification?.Choices.Count is > 0 and var count
                    ? $"{count} records match; the agent chooses one, none is opened"
                    : null;
                report = new PopReport(triage.Event, StatusOf(decision), decision, choose);
            }

            if (report.Status is PopStatus.Opened or PopStatus.Notified)
            {
                report = launch ? Show(report, receivedAt) : report with { Status = PopStatus.Redirected };
            }

            var handled = HandledEvent.From(report, privacy, time.GetUtcNow());
            Log.CallHandled(logger, handled);
            history.Add(handled);
            foreach (var listener in _listeners)
            {
                listener.OnHandled(report);
            }
        }
        catch (Exception) when (journaling is not null)
        {
            // The softphone went away or the decision failed: the event is journaled all the same, with what its lookup
            // found, and a failed write is reported rather than left unobserved.
            await journaling.FinishAsync(new PopReport(triage.Event, PopStatus.Resolved, null));
            throw;
        }

        return journaling is null ? report : report with { Journal = await journaling.FinishAsync(report) };
    }

    /// <summary>
    /// Everything decided without waiting: the caller id, dedupe, the rule, the lookup started or reused. Either the
    /// event's report is final here, or <see cref="EventTriage.Lookup"/> is to be waited for within the budget.
    /// </summary>
    private EventTriage Triage(CallEvent callEvent)
    {
        var callerId = parser.Parse(callEvent.Number);
        if (JunkCallerIds.IsJunk(callEvent.Number, callerId))
        {
            // Quotes, wildcards, URLs, script: no softphone presents such a caller id, and searching for it would only
            // open a blank form and spend the pop budget the agent's next real call needs.
            Log.CallerIdRefused(logger, callEvent.Type, callEvent.Phase);
            return new EventTriage(callEvent, callerId, new PopReport(callEvent, PopStatus.Refused, null, UnrecognisedReason));
        }

        if (callEvent.Phase == CallPhase.End)
        {
            // An end often comes without the type: it is logged as what the call was (an outbound call's end as outbound).
            if (!tracker.Forget(callEvent, callerId, out TrackedCall? call))
            {
                return new EventTriage(callEvent, callerId, CallIdReused(callEvent));
            }

            var ended = call is null ? callEvent : callEvent with { Type = call.Type };
            // The call's lookup (from its ring) goes with the end, so a missed call regards what the ring found.
            return new EventTriage(ended, callerId, new PopReport(ended, PopStatus.Ended, null), Lookup: call?.Lookup);
        }

        var rule = _options.Rules.For(callEvent.Type);
        if (rule.Action == PopAction.Nothing)
        {
            return new EventTriage(callEvent, callerId, new PopReport(callEvent, PopStatus.Ignored, null, $"the {callEvent.Type} rule does nothing"));
        }

        var (status, pending, fromRing) = tracker.With<(PopStatus, Task<LookupResult>?, bool)>(callEvent, callerId, (call, now) =>
        {
            if (call.Popped)
            {
                return (PopStatus.Duplicate, call.Lookup, false);
            }

            var popsNow = callEvent.Phase != CallPhase.Ring || rule.When == CallPhase.Ring;
            if (!popsNow && !rule.ResolveOnRing)
            {
                return (PopStatus.Resolved, null, false);
            }

            // A lookup from ring that failed is asked again, not reused: the CRM may be back by the answer.
            var reused = call.Lookup is { IsFaulted: false };
            if (!reused)
            {
                if (budget.TryStart(callerId, callEvent.Phase, () => StartLookup(callerId)) is not { } started)
                {
                    return (PopStatus.Throttled, null, false);
                }

                call.Lookup = started;
            }

            if (popsNow)
            {
                call.PoppedAt = now;
            }

            // Opened stands for "decide and show now" until the decision says what is shown (StatusOf).
            return (popsNow ? PopStatus.Opened : PopStatus.Resolved, call.Lookup, reused);
        }, otherNumber: (PopStatus.Refused, null, false));

        switch (status)
        {
            case PopStatus.Refused:
                return new EventTriage(callEvent, callerId, CallIdReused(callEvent));
            case PopStatus.Throttled:
                Log.LookupBudgetSpent(logger, callEvent.Type, callEvent.Phase, budget.PerSecond);
                return new EventTriage(callEvent, callerId, new PopReport(callEvent, status, null, $"more than {budget.PerSecond} CRM lookups per second; try again shortly"));
            case PopStatus.Opened:
                return new EventTriage(callEvent, callerId, null, rule, pending, fromRing);
            default:
                var reason = status == PopStatus.Duplicate ? "this call already popped" : $"the {callEvent.Type} rule pops on {rule.When}";
                return new EventTriage(callEvent, callerId, new PopReport(callEvent, status, null, reason), Lookup: pending);
        }
    }

    private async Task<PopDecision> DecideWithinBudgetAsync(CallRule rule, CallerId callerId, Task<LookupResult> pending, bool fromRing, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            LookupResult result;
            try
            {
                result = await pending.WaitAsync(_options.Budget, time, cancellationToken);
            }
            catch (Exception) when (fromRing && pending.IsFaulted && !cancellationToken.IsCancellationRequested)
            {
                // The lookup started on ring failed while the call was being answered: ask once more in what is left of the budget.
                pending = budget.TryStart(callerId, CallPhase.Answer, () => StartLookup(callerId)) ?? throw new InvalidOperationException("the CRM lookup budget is spent");
                var left = _options.Budget - time.GetElapsedTime(started);
                result = await pending.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, time, cancellationToken);
            }

            return decider.Decide(rule, result);
        }
        catch (TimeoutException) when (!pending.IsCompleted)
        {
            _ = pending.ContinueWith(late => Log.LateAnswer(logger, late.IsCompletedSuccessfully ? late.Result.Outcome.ToString() : "error"), TaskScheduler.Default);
            return decider.DecideWithoutCrm(callerId, $"The CRM did not answer within {_options.Budget.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Refused, throttled past the retries, circuit open, unreadable answer: the agent still gets a page.
            Log.LookupFailed(logger, ex.GetType().Name, ex.Message);
            return decider.DecideWithoutCrm(callerId, "The CRM could not be searched.");
        }
    }

    /// <summary>What a decision shows, before the pop switch and the rate limit have their say.</summary>
    private static PopStatus StatusOf(PopDecision decision) => decision switch
    {
        { Url: not null } => PopStatus.Opened,
        { Notification: not null } => PopStatus.Notified,
        { Result.Outcome: LookupOutcome.Withheld } => PopStatus.Withheld,
        _ => PopStatus.Nothing,
    };

    private PopReport CallIdReused(CallEvent callEvent)
    {
        Log.CallIdReused(logger, callEvent.Type, callEvent.Phase);
        return new PopReport(callEvent, PopStatus.Refused, null, "this call id is already known with another number");
    }

    private Task<LookupResult> StartLookup(CallerId callerId) =>
        // Not tied to the event's request: a softphone hanging up its HTTP request must not cancel the call's lookup.
        lookup.LookupAsync(callerId, CancellationToken.None);

    private PopReport Show(PopReport report, long receivedAt)
    {
        if (popSwitch.Paused)
        {
            return report with { Status = PopStatus.Paused, Reason = "pops are paused" };
        }

        if (!limiter.TryAcquire())
        {
            Log.RateLimited(logger, report.Event.Type, report.Decision!.Kind);
            return report with { Status = PopStatus.RateLimited, Reason = "too many pops in a short time" };
        }

        var decision = report.Decision!;
        report = report with { ToShow = time.GetElapsedTime(receivedAt) };
        if (decision.Url is not null && !launcher.Open(decision.Url))
        {
            report = report with { Reason = "no browser could be started; the URL is in the log" };
        }

        if (decision.Notification is not null)
        {
            notifier.Show(decision.Notification);
        }

        return report;
    }
}
