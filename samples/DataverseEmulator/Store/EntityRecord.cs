using System.Globalization;
using System.Text.Json.Nodes;
using DataverseEmulator.Filtering;
using DataverseEmulator.Values;

namespace DataverseEmulator.Store;

/// <summary>
/// One row: its id, its row version (behind the ETag and versionnumber) and its cells in the table's layout.
/// Never changed after it is stored: an update stores a new record, so a reader holding one is safe.
/// </summary>
internal sealed class EntityRecord : IRowValues
{
    private const string VersionColumn = "versionnumber";
    private readonly object?[] _cells;

    /// <summary>A row from a loose JSON object, whose columns are all stored as given.</summary>
    public EntityRecord(Guid id, JsonObject values, long version)
    {
        ArgumentNullException.ThrowIfNull(values);
        Id = id;
        Version = version;
        Layout = ColumnLayout.Create(values.Select(p => p.Key), keyColumn: null);
        _cells = new object?[Layout.Count];
        foreach (var (name, value) in values)
        {
            Layout.TryGetOrdinal(name, out var ordinal);
            _cells[ordinal] = CellValues.FromJson(value);
        }
    }

    /// <param name="cells">Positions of <paramref name="layout"/>, possibly fewer; the record keeps the array, so it must not change afterwards.</param>
    public EntityRecord(Guid id, ColumnLayout layout, object?[] cells, long version)
    {
        Id = id;
        Layout = layout;
        _cells = cells;
        Version = version;
    }

    public Guid Id { get; }

    public long Version { get; }

    public ColumnLayout Layout { get; }

    /// <summary>Where the row sits in its table's insertion order; set by the table when it stores the row.</summary>
    public int Sequence { get; set; } = -1;

    public string ETag => string.Create(CultureInfo.InvariantCulture, $"W/\"{Version}\"");

    /// <summary>A copy of the row as a JSON object, as the Web API returns it (for pages, tests and GetRecords).</summary>
    public JsonObject Values
    {
        get
        {
            var json = new JsonObject();
            foreach (var (name, value) in Columns())
            {
                json[name] = CellValues.ToJson(value);
            }

            return json;
        }
    }

    public object? Get(string column)
    {
        if (Layout.KeyColumn is { } key)
        {
            if (column == key)
            {
                return Id.ToString("D");
            }

            if (column == VersionColumn)
            {
                return Version;
            }
        }

        return Layout.TryGetOrdinal(column, out var ordinal) && ordinal < _cells.Length ? _cells[ordinal] : null;
    }

    /// <summary>The columns that have a value, in layout order.</summary>
    public IEnumerable<(string Column, object? Value)> Columns()
    {
        for (var i = 0; i < Layout.Count; i++)
        {
            var name = Layout.Names[i];
            var value = Get(name);
            if (value is not null)
            {
                yield return (name, value);
            }
        }
    }

    /// <summary>A new version of this row with some columns set (null clears), in <paramref name="layout"/>.</summary>
    public EntityRecord With(ColumnLayout layout, IEnumerable<KeyValuePair<string, object?>> changes, long version)
    {
        var cells = CellsIn(layout);
        foreach (var (name, value) in changes)
        {
            if (name == layout.KeyColumn || name == VersionColumn || !layout.TryGetOrdinal(name, out var ordinal))
            {
                continue;
            }

            if (ordinal >= cells.Length)
            {
                Array.Resize(ref cells, layout.Count);
            }

            cells[ordinal] = value;
        }

        return new EntityRecord(Id, layout, cells, version) { Sequence = Sequence };
    }

    /// <summary>A copy of the cells placed as <paramref name="layout"/> places them.</summary>
    private object?[] CellsIn(ColumnLayout layout)
    {
        if (Layout.SharesPositionsWith(layout))
        {
            return (object?[])_cells.Clone();
        }

        var cells = new object?[layout.Count];
        foreach (var (name, value) in Columns())
        {
            if (name != layout.KeyColumn && name != VersionColumn && layout.TryGetOrdinal(name, out var ordinal))
            {
                cells[ordinal] = value;
            }
        }

        return cells;
    }
}
