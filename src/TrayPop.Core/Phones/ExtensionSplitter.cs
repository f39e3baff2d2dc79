namespace TrayPop.Core.Phones;

/// <summary>
/// Cuts a trailing extension (<c>x221</c>, <c>ext. 221</c>, <c>;ext=221</c>, <c>#221</c>) off a number:
/// an extension reaches a person behind the same line, so the line is what identifies the record.
/// </summary>
internal static class ExtensionSplitter
{
    private const int MaxExtensionDigits = 10;

    public static ReadOnlySpan<char> WithoutExtension(ReadOnlySpan<char> text)
    {
        var end = text.TrimEnd().Length;
        var i = end;
        while (i > 0 && char.IsAsciiDigit(text[i - 1]))
        {
            i--;
        }

        if (i == end || end - i > MaxExtensionDigits)
        {
            return text;
        }

        while (i > 0 && text[i - 1] is ' ' or '.' or ':' or '=' or '\u00A0')
        {
            i--;
        }

        if (i > 0 && text[i - 1] == '#')
        {
            return text[..(i - 1)];
        }

        var wordEnd = i;
        while (i > 0 && char.IsAsciiLetter(text[i - 1]))
        {
            i--;
        }

        if (!IsMarker(text[i..wordEnd]))
        {
            return text;
        }

        // tel: URIs write ";ext=221"; some CRMs write ", ext 221".
        var number = text[..i].TrimEnd();
        return number.Length > 0 && number[^1] is ';' or ',' ? number[..^1] : number;
    }

    private static bool IsMarker(ReadOnlySpan<char> word) =>
        word.Equals("x", StringComparison.OrdinalIgnoreCase)
        || word.Equals("ext", StringComparison.OrdinalIgnoreCase)
        || word.Equals("extn", StringComparison.OrdinalIgnoreCase)
        || word.Equals("extension", StringComparison.OrdinalIgnoreCase);
}
