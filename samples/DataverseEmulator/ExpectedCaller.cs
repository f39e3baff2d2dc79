namespace DataverseEmulator;

/// <summary>
/// A caller whose answer a generated seed knows: <see cref="Outcome"/> is "match" (one active record holds the
/// number), "multiple" (several do) or "none" (no active record does, though near misses may exist).
/// </summary>
/// <param name="Caller">The number as a softphone would present it, in E.164 (<c>+14255550101</c>).</param>
/// <param name="Note">Why the case is interesting: unique, switchboard, near-miss, decoy-nearby, inactive.</param>
public sealed record ExpectedCaller(string Caller, string Outcome, IReadOnlyList<ExpectedMatch> Matches, string Note);
