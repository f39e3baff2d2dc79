using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;

namespace TrayPop.Core.Journal;

/// <summary>What the outbox knows of one call: its events folded together (the first of each phase wins).</summary>
internal sealed record JournaledCall(
    string CallKey,
    string? CallId,
    string Number,
    CallType Type,
    string? Name,
    CrmRecord? Regarding,
    DateTimeOffset FirstSeen,
    DateTimeOffset? RingAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>When the call must be decided even without an end: <see cref="JournalOptions.MaxCallLength"/> after it was answered (or first seen).</summary>
    public DateTimeOffset Deadline(TimeSpan maxCallLength) => (AnsweredAt ?? FirstSeen) + maxCallLength;
}
