using System.Text;

namespace TrayPop.Core.Diagnostics;

/// <summary>
/// Phone numbers are personal data: logs show them masked (<c>+1425*****01</c>) unless
/// <c>TrayPop:Logging:ShowNumbers</c> is on, e.g. while a Dynamics administrator chases a matching problem.
/// </summary>
internal sealed class LogPrivacy(bool showNumbers)
{
    private const int MaxLeading = 4;
    private const int KeepTrailing = 2;

    public bool ShowNumbers { get; } = showNumbers;

    /// <summary>
    /// The text with every phone-number-like sequence masked but its first few and last two digits: a run of digits, or digit
    /// groups joined by number punctuation (<c>+1 425 555 0199</c>, <c>(425) 555-0101</c>, <c>425.555.0101</c>), holding five or more.
    /// </summary>
    public string Numbers(string text) => ShowNumbers ? text : Mask(text);

    /// <summary>Outside text (a name, a CRM message, a caller id) as a log line may show it: numbers masked, then escaped.</summary>
    public string Outside(string? text, int maxLength = OutsideText.DefaultMaxLength) => OutsideText.Escape(text is null ? null : Numbers(text), maxLength);

    internal static string Mask(string text)
    {
        StringBuilder? masked = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            // A record id (…&id=12345678-1234-…) is no caller's number, and the id is what an administrator needs.
            if (RecordIdLength(text, i) is > 0 and var idLength)
            {
                i += idLength;
                continue;
            }

            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var end = SequenceEnd(text, start, out var digits);
            if (digits >= 5 && !LooksLikeIpAddress(text, start, end) && !IsPort(text, start, end))
            {
                masked ??= new StringBuilder(text.Length);
                masked.Append(text, copied, start - copied);
                var leading = Math.Min(MaxLeading, digits - 4);
                var seen = 0;
                for (var j = start; j < end; j++)
                {
                    var c = text[j];
                    if (char.IsAsciiDigit(c))
                    {
                        masked.Append(seen < leading || seen >= digits - KeepTrailing ? c : '*');
                        seen++;
                    }
                    else
                    {
                        masked.Append(c);
                    }
                }

                copied = end;
            }

            i = end;
        }

        return masked is null ? text : masked.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Where the digit sequence starting at <paramref name="start"/> ends: groups joined by at most three punctuation characters.</summary>
    private static int SequenceEnd(string text, int start, out int digits)
    {
        digits = 0;
        var i = start;
        while (true)
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }

            var end = i;
            var gap = 0;
            while (i < text.Length && gap < 3 && IsNumberPunctuation(text[i]))
            {
                i++;
                gap++;
            }

            if (gap == 0 || i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                return end;
            }
        }
    }

    /// <summary>The length of a GUID (8-4-4-4-12 hex digits, braces optional) starting at <paramref name="start"/>, or 0.</summary>
    private static int RecordIdLength(string text, int start)
    {
        const int length = 36;
        if ((start > 0 && char.IsAsciiHexDigit(text[start - 1])) || text.Length - start < length)
        {
            return 0;
        }

        for (var j = 0; j < length; j++)
        {
            var c = text[start + j];
            var dash = j is 8 or 13 or 18 or 23;
            if (dash ? c != '-' : !char.IsAsciiHexDigit(c))
            {
                return 0;
            }
        }

        return start + length == text.Length || !char.IsAsciiHexDigit(text[start + length]) ? length : 0;
    }

    private static bool IsNumberPunctuation(char c) => c is ' ' or '.' or '-' or '(' or ')' or '\u00A0' or '\u202F' or '\u2009';

    // http://127.0.0.1:39543/main.aspx: a URL's port (":" then at most five digits, then "/") is no caller either.
    private static bool IsPort(string text, int start, int end) =>
        start > 0 && text[start - 1] == ':' && end - start <= 5 && end < text.Length && text[end] == '/'
        && text[start..end].All(char.IsAsciiDigit);

    // 127.0.0.1 in a URL is a host, not a caller: four dotted groups of at most three digits.
    private static bool LooksLikeIpAddress(string text, int start, int end)
    {
        var groups = text[start..end].Split('.');
        return groups.Length == 4 && groups.All(g => g.Length is >= 1 and <= 3 && g.All(char.IsAsciiDigit));
    }
}
