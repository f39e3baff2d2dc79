namespace DataverseEmulator.Filtering;

internal sealed class NotNode(FilterNode operand) : FilterNode
{
    public FilterNode Operand { get; } = operand;

    public override bool Evaluate(IRowValues row) => !Operand.Evaluate(row);

    public override string ToString() => $"(not {Operand})";
}
