using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrayPop.Core.Journal;

/// <summary>
/// The activity id of a call: a name-based UUID (RFC 9562 version 5) of the signed-in user and the call, so every
/// sender, replay or second channel names the same activity and a resend is an upsert, never a duplicate.
/// </summary>
internal static class ActivityIds
{
    /// <summary>TrayPop's own namespace for phonecall names (a random v4 UUID, fixed forever).</summary>
    public static readonly Guid Namespace = new("6f1c7b52-3a0e-4d7f-9b8e-2c5d1a9e4b30");

    /// <summary>The call id when the softphone gave one, else the number and the answer (or first) time to the millisecond.</summary>
    public static Guid For(Guid userId, JournaledCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var name = call.CallId is { Length: > 0 } id
            ? $"{userId:D}|id|{id}"
            : $"{userId:D}|number|{call.Number}|{(call.AnsweredAt ?? call.RingAt ?? call.FirstSeen).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
        return V5(Namespace, name);
    }

    public static Guid V5(Guid space, string name)
    {
        Span<byte> input = stackalloc byte[16];
        space.TryWriteBytes(input, bigEndian: true, out _);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        input.CopyTo(bytes);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5; it names, it does not protect.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
