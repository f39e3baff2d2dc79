namespace DataverseEmulator.Seeding;

/// <summary>
/// Shares one string per distinct value of a column while the column has few distinct values (names, states,
/// cities), so a million rows do not hold a million copies of "Smith". Gives up on columns that turn out unique.
/// </summary>
internal sealed class StringPool
{
    private const int MaxDistinct = 4096;
    private Dictionary<string, string>? _values = new(StringComparer.Ordinal);

    public string Intern(ReadOnlySpan<char> value)
    {
        if (_values is null)
        {
            return value.ToString();
        }

        var lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var shared))
        {
            return shared;
        }

        var text = value.ToString();
        if (_values.Count >= MaxDistinct)
        {
            _values = null;
        }
        else
        {
            _values[text] = text;
        }

        return text;
    }
}
