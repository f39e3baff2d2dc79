using TrayPop.Core.Phones;

namespace TrayPop.Core.Lookup;

/// <summary>The outcome of one lookup, with the caller id as understood and every confirmed match.</summary>
internal sealed record LookupResult(LookupOutcome Outcome, CallerId CallerId, IReadOnlyList<CrmRecord> Matches)
{
    public static LookupResult From(CallerId callerId, IReadOnlyList<CrmRecord> matches) => new(
        matches.Count switch
        {
            0 => LookupOutcome.None,
            1 => LookupOutcome.Match,
            _ => LookupOutcome.Multiple,
        },
        callerId,
        matches);
}
