using TrayPop.Core.Journal;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Calls;

/// <summary>What the pipeline did with one call event, as replied to the softphone.</summary>
/// <param name="ToShow">From the event's arrival to the launcher or notifier being called, when something was shown.</param>
/// <param name="Journal">Whether the event reached the journal's outbox; null when the event is not journaled.</param>
internal sealed record PopReport(
    CallEvent Event, PopStatus Status, PopDecision? Decision, string? Reason = null, TimeSpan? ToShow = null, JournalOutcome? Journal = null);
