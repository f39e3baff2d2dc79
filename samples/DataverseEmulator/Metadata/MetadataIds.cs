using System.Security.Cryptography;
using System.Text;

namespace DataverseEmulator.Metadata;

/// <summary>Stable MetadataIds for built-in tables and columns, derived from their names so every start agrees.</summary>
internal static class MetadataIds
{
    public static Guid For(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + ":" + name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
