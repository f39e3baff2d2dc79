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

        return _values.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var shared) ? shared : Add(value.ToString());
    }

    public string Intern(string value) => _values is null ? value : _values.TryGetValue(value, out var shared) ? shared : Add(value);

    private string Add(string text)
    {
        if (_values is null || _values.Count >= MaxDistinct)
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
