using System.Buffers.Binary;

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
        var (xHigh, xLow) = Halves(x);
        var (yHigh, yLow) = Halves(y);
        return xHigh != yHigh ? xHigh.CompareTo(yHigh) : xLow.CompareTo(yLow);
    }

    /// <summary>GUIDs in text order, sorted in one pass over plain numbers (a bulk load of a million keys).</summary>
    public static (Guid Key, Guid Id)[] Sort(IEnumerable<Guid> ids)
    {
        var keys = ids.Select(id => new SortKey(Halves(id), id)).ToArray();
        Array.Sort(keys);
        return [.. keys.Select(k => (k.Id, k.Id))];
    }

    /// <summary>The GUID's text order as two numbers: its first three groups, then its last eight bytes as written.</summary>
    private static (ulong High, ulong Low) Halves(Guid guid)
    {
        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes, bigEndian: true, out _);
        return (BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
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

    private readonly record struct SortKey((ulong High, ulong Low) Order, Guid Id) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other) => Order.CompareTo(other.Order);
    }
}
