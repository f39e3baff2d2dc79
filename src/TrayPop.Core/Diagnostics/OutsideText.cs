using System.Globalization;
using System.Text;

namespace TrayPop.Core.Diagnostics;

/// <summary>
/// Text that came from outside (record names, CRM error text, caller ids, header values) made safe to show in a log
/// line, on the console or in a notification: control characters (CR/LF among them, so nobody can forge a log line),
/// the ESC that starts ANSI/OSC sequences, bidi controls that reorder what is read, line separators and lone
/// surrogates appear as visible <c>\u001b</c>-style escapes, and the text is cut at a length.
/// </summary>
internal static class OutsideText
{
    public const int DefaultMaxLength = 256;

    private const char Ellipsis = '…';

    public static string Escape(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        if (text.Length <= maxLength && !NeedsEscape(text))
        {
            return text;
        }

        var escaped = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var isPair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var width = isPair ? 2 : IsUnsafe(c) ? 6 : 1;
            if (escaped.Length + width > maxLength)
            {
                return escaped.Append(Ellipsis).Append(CultureInfo.InvariantCulture, $"(+{text.Length - i} chars)").ToString();
            }

            if (isPair)
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (width == 6)
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    // A lone surrogate reaches here only unpaired: paired ones are passed over by the callers.
    private static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || char.IsSurrogate(c)
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029' or '\uFEFF';
}
