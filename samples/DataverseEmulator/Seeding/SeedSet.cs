using DataverseEmulator.Store;

namespace DataverseEmulator.Seeding;

/// <summary>The records of one entity set in a seed, held compactly: a shared layout and one cell array per record.</summary>
internal sealed class SeedSet(string setName, ColumnLayout layout, IReadOnlyList<SeedRow> rows)
{
    public string SetName { get; } = setName;

    /// <summary>Column positions; its key column is the set's primary key, whose value is <see cref="SeedRow.Id"/>.</summary>
    public ColumnLayout Layout { get; } = layout;

    public IReadOnlyList<SeedRow> Rows { get; } = rows;
}
