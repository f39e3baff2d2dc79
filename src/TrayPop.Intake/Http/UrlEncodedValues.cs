namespace TrayPop.Intake.Http;

/// <summary>
/// The name=value pairs of a query string or an <c>application/x-www-form-urlencoded</c> body, read as ASP.NET Core
/// read them: pairs split on <c>&amp;</c>, a pair without <c>=</c> is a name with an empty value, <c>+</c> means a
/// space, percent escapes are decoded as UTF-8, names compare case-insensitively and the first value of a name wins.
/// </summary>
internal sealed class UrlEncodedValues
{
    public static readonly UrlEncodedValues Empty = new([]);

    private readonly KeyValuePair<string, string>[] _pairs;

    public UrlEncodedValues(IEnumerable<KeyValuePair<string, string>> pairs) => _pairs = [.. pairs];

    public int Count => _pairs.Length;

    /// <summary>The first value given for <paramref name="name"/>, or null when the name is absent.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var pair in _pairs)
            {
                if (pair.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return pair.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Parses a request target's query; its leading <c>?</c> is skipped.</summary>
    public static UrlEncodedValues Parse(ReadOnlySpan<char> query) => Parse(query.StartsWith('?') ? query[1..] : query, keepEmpty: false);

    /// <summary>Parses a form body, where a leading <c>?</c> is part of the first name and an empty pair (but a trailing one) an empty name.</summary>
    public static UrlEncodedValues ParseForm(ReadOnlySpan<char> body) => Parse(body, keepEmpty: true);

    private static UrlEncodedValues Parse(ReadOnlySpan<char> text, bool keepEmpty)
    {
        if (text.IsEmpty)
        {
            return Empty;
        }

        var pairs = new List<KeyValuePair<string, string>>(4);
        foreach (var range in text.Split('&'))
        {
            var segment = text[range];
            var equals = segment.IndexOf('=');
            if (equals >= 0)
            {
                pairs.Add(new(Decode(segment[..equals]), Decode(segment[(equals + 1)..])));
            }
            else if (!segment.IsEmpty || (keepEmpty && range.End.GetOffset(text.Length) < text.Length))
            {
                pairs.Add(new(Decode(segment), ""));
            }
        }

        return new UrlEncodedValues(pairs);
    }

    private static string Decode(ReadOnlySpan<char> encoded)
    {
        if (encoded.IndexOfAny('%', '+') < 0)
        {
            return encoded.ToString();
        }

        // Uri.UnescapeDataString is what QueryHelpers used, so invalid escapes stay as they were.
        Span<char> spaced = encoded.Length <= 256 ? stackalloc char[encoded.Length] : new char[encoded.Length];
        encoded.Replace(spaced, '+', ' ');
        return Uri.UnescapeDataString(spaced);
    }
}
