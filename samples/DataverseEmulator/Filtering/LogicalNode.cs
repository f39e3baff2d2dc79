using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

internal sealed class LogicalNode(LogicalOperator op, FilterNode left, FilterNode right) : FilterNode
{
    public LogicalOperator Operator { get; } = op;

    public FilterNode Left { get; } = left;

    public FilterNode Right { get; } = right;

    public override bool Evaluate(JsonObject record) => Operator == LogicalOperator.And
        ? Left.Evaluate(record) && Right.Evaluate(record)
        : Left.Evaluate(record) || Right.Evaluate(record);

    public override string ToString() => $"({Left} {(Operator == LogicalOperator.And ? "and" : "or")} {Right})";
}
