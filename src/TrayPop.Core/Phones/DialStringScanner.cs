using System.Globalization;

namespace TrayPop.Core.Phones;

/// <summary>
/// Reduces written numbers to a <see cref="DialString"/> with one pass over the text, so that
/// libphonenumber only ever sees clean input and garbage is turned away before it can throw.
/// </summary>
internal static class DialStringScanner
{
    // E.164 allows 15 digits; an outside-line prefix plus an IDD such as 0011 add a few more.
    public const int MaxDigits = 22;

    private const int MinDigits = 3;

    // Vanity numbers need real digits in front (1-800-FLOWERS, 0800 FLOWERS), so a note such as
    // "see reception" is never read as a keypad number.
    private const int MinDigitsBeforeLetters = 3;

    /// <summary>Reads digits, an optional leading plus, and separators people and switches write.</summary>
    /// <param name="text">The number without URI wrapping or extension.</param>
    /// <param name="allowVanityLetters">True for stored numbers, where 1-800-FLOWERS is a real format.</param>
    /// <param name="dial">The dialled form when the text is a plausible number.</param>
    public static bool TryScan(ReadOnlySpan<char> text, bool allowVanityLetters, out DialString dial)
    {
        dial = default;
        Span<char> digits = stackalloc char[MaxDigits];
        var count = 0;
        var hasPlus = false;
        var sawLetter = false;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            char digit;
            if (char.IsAsciiDigit(c))
            {
                if (sawLetter && !allowVanityLetters)
                {
                    return false;
                }

                digit = c;
            }
            else if (c is '+' or '\uFF0B')
            {
                if (hasPlus || count > 0 || sawLetter)
                {
                    return false;
                }

                hasPlus = true;
                continue;
            }
            else if (IsSeparator(c))
            {
                continue;
            }
            else if (c == '(' || c == '\uFF08')
            {
                // "(0)", "(425)" are part of the number; "(home)" is a note beside it.
                var close = IndexOfClose(text, i + 1);
                if (close > 0 && allowVanityLetters && HasLetter(text[(i + 1)..close]))
                {
                    i = close;
                }

                continue;
            }
            else if (char.IsAsciiLetter(c))
            {
                if (!allowVanityLetters || count < MinDigitsBeforeLetters)
                {
                    return false;
                }

                sawLetter = true;
                digit = KeypadDigit(c);
            }
            else if (char.IsDigit(c))
            {
                // Full-width and other script digits (＋１４２５…, ٤٢٥…) dial the same.
                digit = (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c));
            }
            else
            {
                return false;
            }

            if (count == MaxDigits)
            {
                return false;
            }

            digits[count++] = digit;
        }

        if (count < MinDigits)
        {
            return false;
        }

        dial = new DialString(hasPlus, new string(digits[..count]));
        return true;
    }

    private static bool IsSeparator(char c) =>
        c is ' ' or '-' or '.' or ')' or '/' or '\uFF09' or '\uFF0D' or '\uFF0E' or '\u2212' or '\uFE63'
            or (>= '\u2010' and <= '\u2015')
        || char.IsWhiteSpace(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static int IndexOfClose(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] is ')' or '\uFF09')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static char KeypadDigit(char letter) => char.ToUpperInvariant(letter) switch
    {
        <= 'C' => '2',
        <= 'F' => '3',
        <= 'I' => '4',
        <= 'L' => '5',
        <= 'O' => '6',
        <= 'S' => '7',
        <= 'V' => '8',
        _ => '9',
    };
}
