using DataverseEmulator.Filtering;

namespace DataverseEmulator.Querying;

/// <summary>
/// Decides as SQL Server would whether a filter can use an index. A condition on an indexed column (the primary
/// key, or an active alternate key's first column) seeks: <c>eq</c>, <c>In</c>, and <c>startswith</c> or
/// <c>like</c> with a literal prefix. An <c>and</c> seeks when either side does; an <c>or</c> only when every
/// side does. Anything else (contains, endswith, leading wildcards, non-key columns, not) scans.
/// </summary>
internal static class QueryPlanner
{
    private static readonly char[] Wildcards = ['%', '_', '['];

    public static AccessPlan Plan(FilterNode? filter, Func<string, bool> isIndexed) =>
        filter is not null && Seeks(filter, isIndexed) is { } seeks ? new AccessPlan(seeks) : AccessPlan.Scan;

    /// <summary>The text before the first LIKE wildcard; the whole pattern when it has none.</summary>
    public static string LiteralPrefix(string pattern)
    {
        var wildcard = pattern.IndexOfAny(Wildcards);
        return wildcard < 0 ? pattern : pattern[..wildcard];
    }

    private static List<IndexSeek>? Seeks(FilterNode node, Func<string, bool> isIndexed)
    {
        switch (node)
        {
            case ComparisonNode { Operator: ComparisonOperator.Equal } comparison:
                return EqualSeek(comparison, isIndexed) is { } seek ? [seek] : null;
            case StringFunctionNode { Function: StringFunction.StartsWith } startsWith when isIndexed(startsWith.Property):
                return PatternSeek(startsWith.Property, startsWith.Argument + "%");
            case LikeNode like when isIndexed(like.Property):
                return PatternSeek(like.Property, like.Pattern);
            case InNode { Negated: false } inNode when isIndexed(inNode.Property) && inNode.Values.Count > 0:
                var values = inNode.Values.Select(FilterValueComparer.AsText).ToList();
                return values.All(v => v is not null) ? [.. values.Select(v => new IndexSeek(inNode.Property, SeekKind.Equal, v!))] : null;
            case LogicalNode { Operator: LogicalOperator.And } and:
                return Seeks(and.Left, isIndexed) ?? Seeks(and.Right, isIndexed);
            case LogicalNode { Operator: LogicalOperator.Or } or:
                return Seeks(or.Left, isIndexed) is { } left && Seeks(or.Right, isIndexed) is { } right ? [.. left, .. right] : null;
            default:
                return null;
        }
    }

    private static IndexSeek? EqualSeek(ComparisonNode comparison, Func<string, bool> isIndexed)
    {
        var (property, literal) = (comparison.Left, comparison.Right) switch
        {
            (PropertyOperand p, LiteralOperand l) => (p.Name, FilterValueComparer.AsText(l.Value)),
            (LiteralOperand l, PropertyOperand p) => (p.Name, FilterValueComparer.AsText(l.Value)),
            (PropertyOperand p, TextLiteralOperand t) => (p.Name, t.Text),
            _ => (null, null),
        };

        // Only text literals seek: a number compared with a text key would need the column's type to match.
        return property is not null && literal is not null && isIndexed(property) ? new IndexSeek(property, SeekKind.Equal, literal) : null;
    }

    private static List<IndexSeek>? PatternSeek(string column, string pattern)
    {
        var prefix = LiteralPrefix(pattern);
        if (prefix.Length == 0)
        {
            return null;
        }

        // A pattern without wildcards is an equality; otherwise the prefix is a range and the filter checks the rest.
        return [new IndexSeek(column, prefix.Length == pattern.Length ? SeekKind.Equal : SeekKind.Prefix, prefix)];
    }
}
