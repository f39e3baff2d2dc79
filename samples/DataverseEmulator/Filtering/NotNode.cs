using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

internal sealed class NotNode(FilterNode operand) : FilterNode
{
    public FilterNode Operand { get; } = operand;

    public override bool Evaluate(JsonObject record) => !Operand.Evaluate(record);

    public override string ToString() => $"(not {Operand})";
}
