using System.Text;

namespace TrayPop.Testing;

/// <summary>One fuzz input: its bytes and the lengths of the pieces they are sent in; it prints how to find it again.</summary>
internal sealed record FuzzCase(int Seed, int Index, byte[] Bytes, int[] Pieces)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var b in Bytes.AsSpan(0, Math.Min(Bytes.Length, 400)))
        {
            text.Append(b is >= 0x20 and < 0x7F and not (byte)'\\' ? (char)b : $"\\x{b:x2}");
        }

        return $"seed {Seed} case {Index} (IntakeMutations.Case({Seed}, {Index}, …)): {Bytes.Length} bytes in pieces [{string.Join(", ", Pieces)}]: {text}{(Bytes.Length > 400 ? "…" : "")}";
    }
}
