using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

internal sealed class PropertyOperand(string name) : FilterOperand
{
    public string Name { get; } = name;

    public override JsonNode? Resolve(JsonObject record) => record[Name];

    public override string ToString() => Name;
}
