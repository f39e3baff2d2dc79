using System.Text.Json.Nodes;
using DataverseEmulator.Values;

namespace DataverseEmulator.Filtering;

/// <summary>Microsoft.Dynamics.CRM.In / NotIn: the column equals one of the values.</summary>
internal sealed class InNode(string property, IReadOnlyList<JsonNode?> values, bool negated) : FilterNode
{
    private readonly object?[] _cells = [.. values.Select(CellValues.FromJson)];

    public string Property { get; } = property;

    public IReadOnlyList<JsonNode?> Values { get; } = values;

    public bool Negated { get; } = negated;

    public override bool Evaluate(IRowValues row)
    {
        var value = row.Get(Property);

        // PropertyValues is a collection of strings in Dataverse; each is read as the column's type.
        var found = false;
        foreach (var cell in _cells)
        {
            if (FilterValueComparer.AreEqual(value, cell is string text ? FilterValueComparer.CoerceText(text, value) : cell))
            {
                found = true;
                break;
            }
        }

        return found != Negated;
    }

    public override string ToString() => $"{(Negated ? "NotIn" : "In")}({Property},[{string.Join(",", Values.Select(v => v?.ToJsonString()))}])";
}
