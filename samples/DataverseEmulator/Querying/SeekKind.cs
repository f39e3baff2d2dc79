namespace DataverseEmulator.Querying;

internal enum SeekKind
{
    /// <summary>Index entries equal to the value (case-insensitive for text).</summary>
    Equal,

    /// <summary>Index entries whose text starts with the value: a LIKE 'value%' that SQL answers with a range seek.</summary>
    Prefix,
}
