namespace DataverseEmulator.Store.Indexing;

/// <summary>EntityKeyMetadata.EntityKeyIndexStatus: the async job that builds an alternate key's unique index.</summary>
internal enum KeyIndexStatus
{
    Pending,
    InProgress,
    Active,
    Failed,
}
