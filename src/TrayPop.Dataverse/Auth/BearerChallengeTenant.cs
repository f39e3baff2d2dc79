namespace TrayPop.Dataverse.Auth;

/// <summary>
/// Reads the tenant from Dataverse's 401 challenge,
/// <c>Bearer authorization_uri=https://login.microsoftonline.com/{tenant}/oauth2/authorize, resource_id=…</c>:
/// the path segment before <c>oauth2</c>, when it is a GUID or a domain.
/// </summary>
internal static class BearerChallengeTenant
{
    private const string Parameter = "authorization_uri";

    /// <summary>The tenant in the first Bearer challenge that names one; the header values as sent (parsing them as
    /// .NET's <c>AuthenticationHeaderValue</c> splits a challenge at its commas).</summary>
    public static string? From(IEnumerable<string> challenges)
    {
        const string Scheme = "Bearer ";
        foreach (var challenge in challenges)
        {
            var text = challenge.TrimStart();
            if (text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && FromParameters(text[Scheme.Length..]) is { } tenant)
            {
                return tenant;
            }
        }

        return null;
    }

    /// <summary>The tenant in the challenge's parameters (everything after <c>Bearer </c>), or null.</summary>
    public static string? FromParameters(string? parameters)
    {
        if (AuthorizationUri(parameters) is not { } text
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var oauth = Array.FindIndex(segments, s => s.Equals("oauth2", StringComparison.OrdinalIgnoreCase));
        if (oauth < 1)
        {
            return null;
        }

        var tenant = Uri.UnescapeDataString(segments[oauth - 1]);
        return IsTenant(tenant) ? tenant : null;
    }

    private static string? AuthorizationUri(string? parameters)
    {
        var rest = parameters.AsSpan();
        while (!rest.IsEmpty)
        {
            rest = rest.TrimStart([' ', '\t', ',']);
            var equals = rest.IndexOf('=');
            if (equals <= 0)
            {
                return null;
            }

            var name = rest[..equals].Trim();
            rest = rest[(equals + 1)..].TrimStart();
            string value;
            if (!rest.IsEmpty && rest[0] == '"')
            {
                var close = rest[1..].IndexOf('"');
                if (close < 0)
                {
                    return null;
                }

                value = rest.Slice(1, close).ToString();
                rest = rest[(close + 2)..];
            }
            else
            {
                var end = rest.IndexOfAny(',', ' ');
                value = (end < 0 ? rest : rest[..end]).ToString();
                rest = end < 0 ? [] : rest[end..];
            }

            if (name.Equals(Parameter, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsTenant(string tenant) =>
        Guid.TryParse(tenant, out _)
        || (tenant.Length is > 2 and <= 253 && tenant.Contains('.', StringComparison.Ordinal) && tenant[0] != '.' && tenant[^1] != '.'
            && tenant.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'));
}
