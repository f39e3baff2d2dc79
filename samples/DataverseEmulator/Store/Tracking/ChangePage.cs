namespace DataverseEmulator.Store.Tracking;

/// <summary>One page of changes: rows new or changed, then ids deleted; <see cref="Next"/> is null on the last page.</summary>
internal sealed record ChangePage(IReadOnlyList<EntityRecord> Rows, IReadOnlyList<Guid> Deleted, ChangeCursor Cursor, ChangeCursor? Next);
