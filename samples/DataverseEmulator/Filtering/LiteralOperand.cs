using System.Text.Json.Nodes;
using DataverseEmulator.Values;

namespace DataverseEmulator.Filtering;

internal sealed class LiteralOperand(JsonNode? value) : FilterOperand
{
    private readonly object? _cell = CellValues.FromJson(value);

    public JsonNode? Value { get; } = value;

    public override object? Resolve(IRowValues row) => _cell;

    public override string ToString() => Value?.ToJsonString() ?? "null";
}
