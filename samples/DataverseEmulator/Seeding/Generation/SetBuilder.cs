using DataverseEmulator.Store;

namespace DataverseEmulator.Seeding.Generation;

/// <summary>Collects generated rows of one entity set in a fixed layout.</summary>
internal sealed class SetBuilder(string setName, string logicalName, string keyColumn, IReadOnlyList<string> columns)
{
    public string LogicalName { get; } = logicalName;

    public ColumnLayout Layout { get; } = ColumnLayout.Create([keyColumn, .. columns], keyColumn);

    public List<SeedRow> Rows { get; } = [];

    public object?[] NewCells() => new object?[Layout.Count];

    public void Set(object?[] cells, string column, object? value)
    {
        Layout.TryGetOrdinal(column, out var ordinal);
        cells[ordinal] = value;
    }

    public object? Get(int row, string column) =>
        Layout.TryGetOrdinal(column, out var ordinal) ? Rows[row].Cells[ordinal] : null;

    /// <summary>Adds a row and returns its index.</summary>
    public int Add(Guid id, object?[] cells)
    {
        Rows.Add(new SeedRow(id, cells));
        return Rows.Count - 1;
    }

    public SeedSet Build() => new(setName, Layout, Rows);
}
