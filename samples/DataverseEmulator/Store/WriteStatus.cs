namespace DataverseEmulator.Store;

internal enum WriteStatus
{
    Created,
    Updated,
    Deleted,

    /// <summary>No row at that id or key (a delete, or an update-only upsert with If-Match).</summary>
    NotFound,

    /// <summary>A create named an id that is taken.</summary>
    DuplicateId,

    /// <summary>If-None-Match: * and the row exists.</summary>
    Exists,

    /// <summary>If-Match with an ETag that is not the row's.</summary>
    VersionMismatch,

    /// <summary>Another row already has these values for an active alternate key.</summary>
    KeyConflict,
}
