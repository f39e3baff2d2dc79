namespace DataverseEmulator.Store.Indexing;

/// <summary>Why a new alternate key was not added.</summary>
internal enum KeyRefusal
{
    None,

    /// <summary>EntityKeyNameExists: a key with that name exists on the table.</summary>
    NameExists,

    /// <summary>EntityKeyWithSelectedAttributesExists: a key on the same columns exists.</summary>
    AttributesExist,

    /// <summary>The table has the most keys a table can have.</summary>
    TooMany,
}
