using DataverseEmulator.Store;

namespace DataverseEmulator.Querying;

/// <summary>The rows a filter matched, in insertion order, and how they were reached; or a timeout.</summary>
internal sealed record QueryResult(IReadOnlyList<EntityRecord> Rows, AccessPlan Plan, bool TimedOut)
{
    public static QueryResult Timeout(AccessPlan plan) => new([], plan, TimedOut: true);
}
