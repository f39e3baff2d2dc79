namespace TrayPop.Dataverse.Index;

/// <summary>One change to the key table: upsert a row, or delete the row of a key.</summary>
internal sealed record KeyWrite(string Key, PhoneKeyRow? Row)
{
    public static KeyWrite Upsert(PhoneKeyRow row) => new(row.Key, row);

    public static KeyWrite Delete(string key) => new(key, null);
}
