namespace TrayPop.Core.Phones;

/// <summary>The part of a caller id that can hold the number, once SIP/tel/name-addr wrapping is removed.</summary>
/// <param name="User">The user part (<c>+14255550100</c> from <c>sip:+14255550100@pbx;user=phone</c>), percent-decoded.</param>
/// <param name="PhoneContext">A tel <c>phone-context</c> that gives the prefix of a local number, if any.</param>
/// <param name="Anonymous">True when the address itself says the caller is anonymous (<c>anonymous.invalid</c>).</param>
internal readonly record struct CallerIdAddress(string User, string? PhoneContext, bool Anonymous)
{
    public static CallerIdAddress Read(ReadOnlySpan<char> text)
    {
        text = InsideAngleBrackets(text).Trim();

        ReadOnlySpan<char> rest;
        var isSip = false;
        if (StartsWith(text, "sip:"))
        {
            rest = text[4..];
            isSip = true;
        }
        else if (StartsWith(text, "sips:"))
        {
            rest = text[5..];
            isSip = true;
        }
        else if (StartsWith(text, "tel:"))
        {
            rest = text[4..];
        }
        else
        {
            // Some switches hand over "4255550100@10.1.2.3" without a scheme.
            var bareAt = text.IndexOf('@');
            return new CallerIdAddress(Decode(bareAt >= 0 ? text[..bareAt] : text), null, false);
        }

        var query = rest.IndexOf('?');
        if (query >= 0)
        {
            rest = rest[..query];
        }

        var anonymous = false;
        var at = isSip ? rest.IndexOf('@') : -1;
        if (at >= 0)
        {
            var host = rest[(at + 1)..];
            var hostEnd = host.IndexOfAny(';', ':');
            host = hostEnd >= 0 ? host[..hostEnd] : host;
            anonymous = host.Equals("anonymous.invalid", StringComparison.OrdinalIgnoreCase);
            rest = rest[..at];
        }

        var semicolon = rest.IndexOf(';');
        var user = semicolon >= 0 ? rest[..semicolon] : rest;
        var parameters = semicolon >= 0 ? rest[(semicolon + 1)..] : [];
        return new CallerIdAddress(Decode(user), PhoneContextOf(parameters), anonymous);
    }

    /// <summary>Whether <paramref name="text"/> is a sip:, sips: or tel: address (bare, or inside a name-addr's angle brackets).</summary>
    public static bool IsAddress(ReadOnlySpan<char> text)
    {
        text = InsideAngleBrackets(text).Trim();
        return StartsWith(text, "sip:") || StartsWith(text, "sips:") || StartsWith(text, "tel:");
    }

    private static ReadOnlySpan<char> InsideAngleBrackets(ReadOnlySpan<char> text)
    {
        var from = 0;
        if (text.Length > 0 && text[0] == '"')
        {
            // A quoted display name may itself contain '<' ("Jane <Sales>" <sip:…>).
            from = 1;
            while (from < text.Length && text[from] != '"')
            {
                from += text[from] == '\\' ? 2 : 1;
            }
        }

        if (from >= text.Length)
        {
            return text;
        }

        var open = text[from..].IndexOf('<');
        if (open < 0)
        {
            return text;
        }

        var inner = text[(from + open + 1)..];
        var close = inner.IndexOf('>');
        return close >= 0 ? inner[..close] : inner;
    }

    private static string? PhoneContextOf(ReadOnlySpan<char> parameters)
    {
        const string Name = "phone-context=";
        while (!parameters.IsEmpty)
        {
            var end = parameters.IndexOf(';');
            var parameter = end >= 0 ? parameters[..end] : parameters;
            if (StartsWith(parameter, Name))
            {
                // Only a global-number context ("+1-425") says which digits come first; a domain does not.
                var value = Decode(parameter[Name.Length..]);
                return value.StartsWith('+') ? value : null;
            }

            parameters = end >= 0 ? parameters[(end + 1)..] : [];
        }

        return null;
    }

    private static bool StartsWith(ReadOnlySpan<char> text, string prefix) =>
        text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    // Only %XX escapes of ASCII are decoded (%2B is the plus of a number); anything else stays as written
    // and is later refused as "not a number".
    private static string Decode(ReadOnlySpan<char> text)
    {
        if (!text.Contains('%'))
        {
            return text.ToString();
        }

        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                var value = (HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]);
                if (value < 0x80)
                {
                    buffer[length++] = (char)value;
                    i += 2;
                    continue;
                }
            }

            buffer[length++] = text[i];
        }

        return new string(buffer[..length]);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
