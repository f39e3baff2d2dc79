namespace DataverseEmulator.Store.Tracking;

/// <summary>One change to a row: stored (created or updated) or deleted, at a row version.</summary>
internal readonly record struct ChangeEntry(long Version, Guid Id, bool Deleted);
