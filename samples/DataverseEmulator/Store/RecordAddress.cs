using DataverseEmulator.Store.Indexing;

namespace DataverseEmulator.Store;

/// <summary>Which row a request names: by primary key, or by an active alternate key's values.</summary>
internal sealed record RecordAddress(Guid? Id, AlternateKey? Key, IReadOnlyList<string>? KeyValues)
{
    public static RecordAddress ById(Guid id) => new(id, null, null);

    public static RecordAddress ByKey(AlternateKey key, IReadOnlyList<string> values) => new(null, key, values);
}
