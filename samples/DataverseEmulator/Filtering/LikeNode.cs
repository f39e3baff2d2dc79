using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>A column matched against a raw LIKE pattern, as FetchXML's like / begins-with / ends-with conditions are.</summary>
internal sealed class LikeNode(string property, string pattern) : FilterNode
{
    private readonly LikePattern _pattern = new(pattern);

    public string Property { get; } = property;

    public override bool Evaluate(JsonObject record) =>
        FilterValueComparer.AsText(record[Property]) is { } text && _pattern.IsMatch(text);

    public override string ToString() => $"({Property} like '{_pattern}')";
}
