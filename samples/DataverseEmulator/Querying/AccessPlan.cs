namespace DataverseEmulator.Querying;

/// <summary>
/// How a filter reaches rows: through index seeks (the whole filter then checks the rows they find), or, when
/// <see cref="Seeks"/> is null, by scanning every row of the table.
/// </summary>
internal sealed record AccessPlan(IReadOnlyList<IndexSeek>? Seeks)
{
    public static readonly AccessPlan Scan = new((IReadOnlyList<IndexSeek>?)null);

    public bool IsScan => Seeks is null;
}
