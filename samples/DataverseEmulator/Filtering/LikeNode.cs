namespace DataverseEmulator.Filtering;

/// <summary>A column matched against a raw LIKE pattern, as FetchXML's like / begins-with / ends-with conditions are.</summary>
internal sealed class LikeNode(string property, string pattern) : FilterNode
{
    private readonly LikePattern _pattern = new(pattern);

    public string Property { get; } = property;

    public string Pattern => _pattern.Pattern;

    public override bool Evaluate(IRowValues row) =>
        FilterValueComparer.AsText(row.Get(Property)) is { } text && _pattern.IsMatch(text);

    public override string ToString() => $"({Property} like '{_pattern}')";
}
