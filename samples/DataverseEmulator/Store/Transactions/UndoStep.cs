namespace DataverseEmulator.Store.Transactions;

/// <summary>What undoes one write: the table, what was done, and the row as it was before.</summary>
internal readonly record struct UndoStep(EntityTable Table, UndoKind Kind, EntityRecord Record, long? PreviousDeletion);
