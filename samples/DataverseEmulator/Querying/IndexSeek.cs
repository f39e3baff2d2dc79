namespace DataverseEmulator.Querying;

/// <summary>One range of one index to read: the column's index, equal to or starting with a literal.</summary>
internal readonly record struct IndexSeek(string Column, SeekKind Kind, string Value);
