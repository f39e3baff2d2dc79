namespace DataverseEmulator.Store.Indexing;

/// <summary>
/// Orders GUIDs as their text ("8d6e3b1c-…") sorts, so a prefix of the text is a range of the order:
/// the big-endian bytes of a GUID are its hex digits in the order they are written.
/// </summary>
internal sealed class GuidTextOrder : IComparer<Guid>
{
    public static readonly GuidTextOrder Instance = new();

    public int Compare(Guid x, Guid y)
    {
        Span<byte> left = stackalloc byte[16];
        Span<byte> right = stackalloc byte[16];
        x.TryWriteBytes(left, bigEndian: true, out _);
        y.TryWriteBytes(right, bigEndian: true, out _);
        return left.SequenceCompareTo(right);
    }

    /// <summary>
    /// The smallest GUID whose text starts with <paramref name="prefix"/> (case-insensitive); null when no GUID's
    /// text can start with it (a character that is not a hex digit, or a dash out of place).
    /// </summary>
    public static Guid? LowestWithPrefix(string prefix)
    {
        const string Zero = "00000000-0000-0000-0000-000000000000";
        if (prefix.Length > Zero.Length)
        {
            return null;
        }

        Span<char> text = stackalloc char[Zero.Length];
        Zero.AsSpan().CopyTo(text);
        for (var i = 0; i < prefix.Length; i++)
        {
            var c = char.ToLowerInvariant(prefix[i]);
            var dash = Zero[i] == '-';
            if (dash ? c != '-' : !char.IsAsciiHexDigit(c))
            {
                return null;
            }

            text[i] = c;
        }

        return Guid.ParseExact(text, "D");
    }
}
