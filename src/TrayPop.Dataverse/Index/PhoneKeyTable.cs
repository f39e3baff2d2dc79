using System.Security.Cryptography;
using System.Text;

namespace TrayPop.Dataverse.Index;

/// <summary>
/// The phone-key table <c>tp_phonekey</c>: one row per (number, record), its alternate key <c>tp_key</c> =
/// <c>{E.164 digits}|{entity}|{record id}</c>, so a <c>startswith(tp_key,'{digits}|')</c> is an index seek.
/// </summary>
internal static class PhoneKeyTable
{
    public const string LogicalName = "tp_phonekey";
    public const string EntitySet = "tp_phonekeys";
    public const string IdColumn = "tp_phonekeyid";
    public const string KeyName = "tp_key_unique";
    public const string Select = "tp_key,tp_number,tp_entity,tp_recordid,tp_name,tp_column";

    /// <summary>
    /// Written once the first complete sync has run: agents switch to the index only then, because an index that
    /// is still filling holds fewer keys than match. E.164 digits never start with 0, so it collides with no number.
    /// </summary>
    public static readonly string ReadyKey = Key("0", "traypop", Guid.Empty);

    public static string Key(string e164Digits, string entity, Guid recordId) => $"{e164Digits}|{entity}|{recordId:D}";

    /// <summary>
    /// The row's primary key, derived from its alternate key (a name-based UUID, as the journal derives activity ids):
    /// an upsert or delete by it is idempotent and addressable without escaping the key's characters.
    /// </summary>
    public static Guid RowId(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("traypop/phonekey/" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>The one query of a Keys lookup: an index seek on the alternate key's leading characters.</summary>
    public static string LookupQuery(string e164Digits, int top) =>
        $"{EntitySet}?$select={Select}&$filter={Uri.EscapeDataString($"startswith(tp_key,{ODataText.Literal(e164Digits + "|")})")}&$top={top}";

    /// <summary>Whether the index is ready: an equality on the alternate key (a seek), answering 404 when the table does not exist.</summary>
    public static string ReadyQuery() =>
        $"{EntitySet}?$select=tp_key,tp_name&$filter={Uri.EscapeDataString($"tp_key eq {ODataText.Literal(ReadyKey)}")}";
}
