using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>Microsoft.Dynamics.CRM.In / NotIn: the column equals one of the values.</summary>
internal sealed class InNode(string property, IReadOnlyList<JsonNode?> values, bool negated) : FilterNode
{
    public string Property { get; } = property;

    public IReadOnlyList<JsonNode?> Values { get; } = values;

    public bool Negated { get; } = negated;

    public override bool Evaluate(JsonObject record)
    {
        var value = record[Property];
        // PropertyValues is a collection of strings in Dataverse; each is read as the column's type.
        var found = Values.Any(v => FilterValueComparer.AreEqual(value, FilterValueComparer.AsText(v) is { } text ? FilterValueComparer.CoerceText(text, value) : v));
        return found != Negated;
    }

    public override string ToString() => $"{(Negated ? "NotIn" : "In")}({Property},[{string.Join(",", Values.Select(v => v?.ToJsonString()))}])";
}
