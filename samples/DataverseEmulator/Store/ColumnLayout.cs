namespace DataverseEmulator.Store;

/// <summary>
/// The positions of a table's columns in its stored rows. Immutable: a table that meets a new column makes a
/// longer layout from the same lineage, keeping every position, so rows stored earlier read the same under it.
/// </summary>
internal sealed class ColumnLayout
{
    private readonly Dictionary<string, int> _ordinals;
    private readonly string[] _names;

    private ColumnLayout(object lineage, string[] names, string? keyColumn)
    {
        Lineage = lineage;
        _names = names;
        KeyColumn = keyColumn;
        _ordinals = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _ordinals[names[i]] = i;
        }
    }

    /// <summary>
    /// Shared by every layout grown from the same start; rows whose layouts share it agree on positions.
    /// </summary>
    public object Lineage { get; }

    /// <summary>
    /// The primary key column, whose value is the row's id rather than a stored cell; with it, versionnumber is
    /// the row version. Null for a layout built from a loose JSON object.
    /// </summary>
    public string? KeyColumn { get; }

    public int Count => _names.Length;

    public IReadOnlyList<string> Names => _names;

    public static ColumnLayout Create(IEnumerable<string> names, string? keyColumn) =>
        new(new object(), [.. names.Distinct(StringComparer.Ordinal)], keyColumn);

    public bool TryGetOrdinal(string name, out int ordinal) => _ordinals.TryGetValue(name, out ordinal);

    /// <summary>This layout when it has every column already, otherwise a longer one of the same lineage.</summary>
    public ColumnLayout With(IEnumerable<string> names)
    {
        List<string>? added = null;
        foreach (var name in names)
        {
            if (!_ordinals.ContainsKey(name) && !(added?.Contains(name) ?? false))
            {
                (added ??= []).Add(name);
            }
        }

        return added is null ? this : new ColumnLayout(Lineage, [.. _names, .. added], KeyColumn);
    }

    public bool SharesPositionsWith(ColumnLayout other) => ReferenceEquals(Lineage, other.Lineage);
}
