namespace DataverseEmulator.Store.Transactions;

internal enum UndoKind
{
    /// <summary>A row was added: take it out again.</summary>
    Added,

    /// <summary>A row was replaced by a new version: put the old one back.</summary>
    Replaced,

    /// <summary>A row was deleted: put it back and forget the deletion.</summary>
    Removed,
}
