using System.Globalization;

namespace TrayPop.Core.Phones;

/// <summary>What is kept of a caller id that is not a number: short, printable, searchable as literal text.</summary>
internal static class UnrecognisedText
{
    public const int MaxLength = 64;

    // Enough to get past leading padding without walking a huge input.
    private const int MaxScanned = 1024;

    public static string Clean(string raw)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var length = 0;
        var limit = Math.Min(raw.Length, MaxScanned);
        for (var i = 0; i < limit && length < MaxLength; i++)
        {
            var c = raw[i];
            // Control and format characters (NUL, bidi overrides, zero-width) are invisible and could
            // make a notification lie about what was received.
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (length == 0 && char.IsWhiteSpace(c))
            {
                continue;
            }

            buffer[length++] = c;
        }

        // Never end on half a surrogate pair after capping.
        if (length > 0 && char.IsHighSurrogate(buffer[length - 1]))
        {
            length--;
        }

        return new string(buffer[..length].TrimEnd());
    }
}
