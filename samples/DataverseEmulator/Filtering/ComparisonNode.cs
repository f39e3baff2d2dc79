namespace DataverseEmulator.Filtering;

internal sealed class ComparisonNode(ComparisonOperator op, FilterOperand left, FilterOperand right) : FilterNode
{
    public ComparisonOperator Operator { get; } = op;

    public FilterOperand Left { get; } = left;

    public FilterOperand Right { get; } = right;

    public override bool Evaluate(IRowValues row)
    {
        var left = Left.Resolve(row);
        var right = Right.Resolve(row);
        switch (Operator)
        {
            case ComparisonOperator.Equal:
                return FilterValueComparer.AreEqual(left, right);
            case ComparisonOperator.NotEqual:
                return !FilterValueComparer.AreEqual(left, right);
        }

        // Ordering against null or across types is false, as SQL's three-valued logic makes it.
        var order = FilterValueComparer.Compare(left, right);
        return order is { } o && Operator switch
        {
            ComparisonOperator.GreaterThan => o > 0,
            ComparisonOperator.GreaterOrEqual => o >= 0,
            ComparisonOperator.LessThan => o < 0,
            _ => o <= 0,
        };
    }

    public override string ToString() => $"({Left} {Operator} {Right})";
}
