using DataverseEmulator.Filtering;

namespace DataverseEmulator.Querying;

/// <summary>
/// Finds the conditions Dataverse cannot answer from an index and times out on large tables
/// (LeadingWildcardCauseTimeout): contains, endswith, and startswith or like patterns that begin with a wildcard.
/// </summary>
internal static class LeadingWildcards
{
    public static bool Any(FilterNode? node) => node switch
    {
        StringFunctionNode { Function: StringFunction.Contains or StringFunction.EndsWith } => true,
        StringFunctionNode startsWith => StartsWithWildcard(startsWith.Argument),
        LikeNode like => StartsWithWildcard(like.Pattern),
        LogicalNode logical => Any(logical.Left) || Any(logical.Right),
        NotNode not => Any(not.Operand),
        _ => false,
    };

    private static bool StartsWithWildcard(string pattern) => pattern.Length > 0 && pattern[0] is '%' or '_' or '[';
}
