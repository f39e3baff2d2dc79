using System.Text.RegularExpressions;

namespace DataverseEmulator.WebApi;

/// <summary>The resource part of a Web API URL: <c>contacts</c>, <c>contacts(guid)</c>, <c>contacts(contactid=guid)</c>, <c>contacts/$count</c>.</summary>
internal sealed partial record ResourcePath(string Segment, string? Key, string? Rest)
{
    public static ResourcePath? Parse(string path)
    {
        var match = Pattern().Match(path.TrimEnd('/'));
        return match.Success
            ? new ResourcePath(match.Groups["segment"].Value, match.Groups["key"].Success ? match.Groups["key"].Value : null, match.Groups["rest"].Success ? match.Groups["rest"].Value : null)
            : null;
    }

    /// <summary>The record id of the key segment: a bare GUID, braces allowed, or <c>keycolumn=GUID</c>.</summary>
    public Guid? KeyAsId(string keyColumn)
    {
        if (Key is null)
        {
            return null;
        }

        var value = Key;
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            if (!value[..equals].Trim().Equals(keyColumn, StringComparison.Ordinal))
            {
                return null;
            }

            value = value[(equals + 1)..];
        }

        return Guid.TryParse(value.Trim().Trim('\''), out var id) ? id : null;
    }

    [GeneratedRegex(@"^(?<segment>[A-Za-z_$][A-Za-z0-9_.]*)(\((?<key>[^)]*)\))?(?<rest>/.+)?$")]
    private static partial Regex Pattern();
}
