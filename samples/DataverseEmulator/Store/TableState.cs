namespace DataverseEmulator.Store;

/// <summary>A table's rows and deletions at one moment; records are immutable, so this is a full copy.</summary>
internal sealed record TableState(IReadOnlyList<EntityRecord> Rows, IReadOnlyList<(Guid Id, long Version)> Deleted);
