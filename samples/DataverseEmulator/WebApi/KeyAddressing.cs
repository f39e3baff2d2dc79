using System.Buffers;
using DataverseEmulator.Store;

namespace DataverseEmulator.WebApi;

/// <summary>
/// Turns the key segment of a record URL into a row address: the primary key (<c>contacts(guid)</c>,
/// <c>contacts(contactid=guid)</c>) or an active alternate key (<c>tp_phonekeys(tp_key='…')</c>, quotes doubled
/// inside). Key values with characters Dataverse cannot address by (<c>+ / % &amp; : \ ? &lt; &gt; *</c>) are refused
/// as its front end refuses them.
/// </summary>
internal static class KeyAddressing
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create("<>*%&:\\?");

    public static (RecordAddress? Address, ApiResponse? Error) Resolve(ResourcePath path, EntityTable table)
    {
        var entity = table.Definition;
        if (path.KeyAsId(entity.KeyColumn) is { } id)
        {
            return (RecordAddress.ById(id), null);
        }

        var pairs = path.KeyValues();
        if (pairs is null || (pairs.Count == 1 && pairs[0].Name == entity.KeyColumn))
        {
            return (null, ODataErrors.BadQuery($"Bad Request - Error in query syntax. The key '{path.Key}' is not a valid {entity.KeyColumn}."));
        }

        foreach (var (_, value) in pairs)
        {
            if (Refusal(value) is { } refusal)
            {
                return (null, refusal);
            }
        }

        var names = pairs.Select(p => p.Name).ToList();
        if (table.ActiveKeyFor(names) is not { } key)
        {
            return (null, ODataErrors.KeyNotDefined(entity.LogicalName));
        }

        var values = key.KeyAttributes.Select(a => pairs.First(p => p.Name == a).Value).ToList();
        return (RecordAddress.ByKey(key, values), null);
    }

    /// <summary>
    /// What IIS in front of Dataverse answers for a key value it cannot route: a '+' is a double escape (404.11),
    /// a '/' splits the path, and the rest are "potentially dangerous" path characters (400).
    /// </summary>
    private static ApiResponse? Refusal(string value)
    {
        if (value.Contains('+', StringComparison.Ordinal))
        {
            return ApiResponse.Error(404, ErrorCodes.QuerySyntax, "The request filtering module is configured to deny a request that contains a double escape sequence.");
        }

        if (value.Contains('/', StringComparison.Ordinal) || value.Contains("%2F", StringComparison.OrdinalIgnoreCase))
        {
            return ODataErrors.SegmentNotFound(value[(value.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        }

        var bad = value.AsSpan().IndexOfAny(Unsafe);
        return bad < 0 ? null : ODataErrors.BadQuery($"A potentially dangerous Request.Path value was detected from the client ({value[bad]}).");
    }
}
