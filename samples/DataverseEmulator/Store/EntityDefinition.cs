namespace DataverseEmulator.Store;

/// <summary>What the emulator knows about a table: its names, key, primary name and the columns it accepts.</summary>
internal sealed record EntityDefinition(
    string LogicalName,
    string SetName,
    string KeyColumn,
    string? PrimaryNameColumn,
    IReadOnlyList<string> PhoneColumns,
    IReadOnlyList<string> Columns)
{
    public string DisplayName => LogicalName.Length == 0 ? LogicalName : char.ToUpperInvariant(LogicalName[0]) + LogicalName[1..];

    /// <summary>Whether the table tracks changes (EntityMetadata.ChangeTrackingEnabled), which odata.track-changes needs.</summary>
    public bool ChangeTrackingEnabled { get; init; } = true;
}
