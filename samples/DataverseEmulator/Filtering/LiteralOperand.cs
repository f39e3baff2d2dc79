using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

internal sealed class LiteralOperand(JsonNode? value) : FilterOperand
{
    public JsonNode? Value { get; } = value;

    public override JsonNode? Resolve(JsonObject record) => Value;

    public override string ToString() => Value?.ToJsonString() ?? "null";
}
