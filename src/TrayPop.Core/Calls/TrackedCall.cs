using TrayPop.Core.Lookup;

namespace TrayPop.Core.Calls;

/// <summary>What we know of one call between its events: its number, its lookup (started on ring) and whether it popped.</summary>
internal sealed class TrackedCall(DateTimeOffset firstSeen, string number, CallType type = CallType.Inbound)
{
    public DateTimeOffset FirstSeen { get; } = firstSeen;

    /// <summary>The other party's number as first seen (E.164, or the text); a call is its call id and this number.</summary>
    public string Number { get; } = number;

    /// <summary>The type its first event gave, so an end sent without one is still logged as what the call was.</summary>
    public CallType Type { get; } = type;

    public Task<LookupResult>? Lookup { get; set; }

    /// <summary>Set once, by the event that pops; every later event for the call is a duplicate.</summary>
    public DateTimeOffset? PoppedAt { get; set; }

    public bool Popped => PoppedAt is not null;

    /// <summary>Dedupe windows count from the pop, or from the first event while nothing popped.</summary>
    public DateTimeOffset Since => PoppedAt ?? FirstSeen;
}
