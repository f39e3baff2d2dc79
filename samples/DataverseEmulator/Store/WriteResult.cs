using DataverseEmulator.Store.Indexing;

namespace DataverseEmulator.Store;

/// <summary>What a write did: the row it stored, or why it stored nothing (with the key that conflicted).</summary>
internal sealed record WriteResult(WriteStatus Status, EntityRecord? Record, AlternateKey? ConflictingKey = null, IReadOnlyList<string>? ConflictingValues = null);
