namespace DataverseEmulator.Filtering;

internal sealed class LogicalNode(LogicalOperator op, FilterNode left, FilterNode right) : FilterNode
{
    public LogicalOperator Operator { get; } = op;

    public FilterNode Left { get; } = left;

    public FilterNode Right { get; } = right;

    public override bool Evaluate(IRowValues row) => Operator == LogicalOperator.And
        ? Left.Evaluate(row) && Right.Evaluate(row)
        : Left.Evaluate(row) || Right.Evaluate(row);

    public override string ToString() => $"({Left} {(Operator == LogicalOperator.And ? "and" : "or")} {Right})";
}
