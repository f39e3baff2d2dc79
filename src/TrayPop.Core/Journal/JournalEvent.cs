using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;

namespace TrayPop.Core.Journal;

/// <summary>One ring, answer or end as the outbox keeps it.</summary>
/// <param name="CallKey">The outbox's key for the call: <c>id:{call id}</c>, or <c>n:{type}:{number}:{first event}</c> without one.</param>
/// <param name="CallId">The softphone's call id, when it gave one.</param>
/// <param name="Number">The other party: E.164 when it could be read, else as received.</param>
/// <param name="Name">The popped record's name, else the softphone's display name.</param>
/// <param name="Regarding">The record that was popped; null for an unknown caller or several matches.</param>
internal sealed record JournalEvent(
    string CallKey,
    string? CallId,
    CallPhase Phase,
    DateTimeOffset At,
    string Number,
    CallType Type,
    string? Name,
    CrmRecord? Regarding);
