using System.Text.Json.Nodes;

namespace DataverseEmulator.Metadata;

/// <summary>What a table definition says about one column (AttributeMetadata): names, type, length, labels.</summary>
internal sealed record ColumnMetadata(
    string LogicalName,
    string SchemaName,
    string AttributeType,
    int? MaxLength,
    bool IsPrimaryName,
    JsonNode? DisplayName)
{
    public Guid MetadataId { get; } = MetadataIds.For("attribute", LogicalName);
}
