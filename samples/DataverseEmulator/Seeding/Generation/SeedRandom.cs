namespace DataverseEmulator.Seeding.Generation;

/// <summary>
/// SplitMix64: a small generator whose output depends only on its seed number, on every runtime and version,
/// so a generated seed is the same wherever it is made. Not for anything secret.
/// </summary>
internal sealed class SeedRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A whole number from 0 up to, not including, <paramref name="max"/>.</summary>
    public int Next(int max) => (int)(NextUInt64() % (ulong)max);

    /// <summary>True with probability <paramref name="chance"/>.</summary>
    public bool Chance(double chance) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < chance;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public char Digit() => (char)('0' + Next(10));

    public string Digits(int count) => string.Create(count, this, static (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = random.Digit();
        }
    });

    /// <summary>A version 4 GUID made from the generator's output.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
