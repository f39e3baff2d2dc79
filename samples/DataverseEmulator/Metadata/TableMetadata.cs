using System.Text.Json.Nodes;
using DataverseEmulator.Store;

namespace DataverseEmulator.Metadata;

/// <summary>The parts of a table definition (EntityMetadata) that are not its columns: names, labels, ownership.</summary>
internal sealed record TableMetadata(
    Guid MetadataId,
    string SchemaName,
    JsonNode? DisplayName,
    JsonNode? DisplayCollectionName,
    JsonNode? Description,
    string OwnershipType,
    bool IsCustomEntity,
    bool HasActivities,
    bool HasNotes,
    IReadOnlyDictionary<string, ColumnMetadata> ColumnDetails)
{
    /// <summary>Metadata for a built-in or seed-only table: a schema name from its logical name, user-owned, not custom.</summary>
    public static TableMetadata For(EntityDefinition entity) => new(
        MetadataIds.For("entity", entity.LogicalName),
        entity.DisplayName,
        Label(entity.DisplayName),
        Label(entity.DisplayName + "s"),
        null,
        "UserOwned",
        IsCustomEntity: false,
        HasActivities: false,
        HasNotes: false,
        new Dictionary<string, ColumnMetadata>(StringComparer.Ordinal));

    /// <summary>A Label complex type with one English (1033) localized label.</summary>
    public static JsonObject Label(string text) => new()
    {
        ["LocalizedLabels"] = new JsonArray(new JsonObject { ["Label"] = text, ["LanguageCode"] = 1033 }),
        ["UserLocalizedLabel"] = new JsonObject { ["Label"] = text, ["LanguageCode"] = 1033 },
    };
}
