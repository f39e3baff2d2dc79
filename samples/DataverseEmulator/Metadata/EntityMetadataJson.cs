using System.Text.Json.Nodes;
using DataverseEmulator.Store;
using DataverseEmulator.Store.Indexing;
using DataverseEmulator.WebApi;

namespace DataverseEmulator.Metadata;

/// <summary>Table, column and key definitions in the JSON shapes of EntityMetadata, AttributeMetadata and EntityKeyMetadata.</summary>
internal static class EntityMetadataJson
{
    public static JsonObject Entity(EntityTable table)
    {
        var entity = table.Definition;
        var metadata = table.Metadata;
        return new JsonObject
        {
            ["MetadataId"] = metadata.MetadataId.ToString("D"),
            ["LogicalName"] = entity.LogicalName,
            ["SchemaName"] = metadata.SchemaName,
            ["EntitySetName"] = entity.SetName,
            ["LogicalCollectionName"] = entity.SetName,
            ["PrimaryIdAttribute"] = entity.KeyColumn,
            ["PrimaryNameAttribute"] = entity.PrimaryNameColumn,
            ["OwnershipType"] = metadata.OwnershipType,
            ["IsCustomEntity"] = metadata.IsCustomEntity,
            ["IsActivity"] = false,
            ["HasActivities"] = metadata.HasActivities,
            ["HasNotes"] = metadata.HasNotes,
            ["ChangeTrackingEnabled"] = entity.ChangeTrackingEnabled,
            ["DisplayName"] = metadata.DisplayName?.DeepClone(),
            ["DisplayCollectionName"] = metadata.DisplayCollectionName?.DeepClone(),
            ["Description"] = metadata.Description?.DeepClone(),
        };
    }

    public static JsonObject Attribute(EntityTable table, string column)
    {
        var entity = table.Definition;
        var details = table.Metadata.ColumnDetails.GetValueOrDefault(column);
        var type = details?.AttributeType ?? AttributeTypeOf(entity, column);
        var json = new JsonObject
        {
            ["@odata.type"] = $"#Microsoft.Dynamics.CRM.{type}AttributeMetadata",
            ["MetadataId"] = (details?.MetadataId ?? MetadataIds.For("attribute", entity.LogicalName + "." + column)).ToString("D"),
            ["LogicalName"] = column,
            ["SchemaName"] = details?.SchemaName ?? column,
            ["EntityLogicalName"] = entity.LogicalName,
            ["AttributeType"] = type,
            ["IsPrimaryId"] = column == entity.KeyColumn,
            ["IsPrimaryName"] = column == entity.PrimaryNameColumn,
            ["DisplayName"] = details?.DisplayName?.DeepClone(),
        };
        if (details?.MaxLength is { } maxLength)
        {
            json["MaxLength"] = maxLength;
        }

        return json;
    }

    public static JsonObject Key(EntityTable table, AlternateKey key) => new()
    {
        ["MetadataId"] = key.MetadataId.ToString("D"),
        ["LogicalName"] = key.LogicalName,
        ["SchemaName"] = key.SchemaName,
        ["EntityLogicalName"] = table.Definition.LogicalName,
        ["KeyAttributes"] = new JsonArray([.. key.KeyAttributes.Select(a => (JsonNode)a)]),
        ["EntityKeyIndexStatus"] = key.Status.ToString(),
        ["IsManaged"] = false,
        ["DisplayName"] = key.DisplayName?.DeepClone(),
    };

    /// <summary>Keeps the properties a $select names (MetadataId always, as Dataverse returns it).</summary>
    public static JsonObject Select(JsonObject item, IReadOnlyList<string>? select)
    {
        if (select is null)
        {
            return item;
        }

        var shaped = new JsonObject();
        foreach (var name in select.Append("MetadataId").Distinct(StringComparer.Ordinal))
        {
            if (item.TryGetPropertyValue(name, out var value))
            {
                shaped[name] = value?.DeepClone();
            }
        }

        return shaped;
    }

    private static string AttributeTypeOf(EntityDefinition entity, string column) => MetadataDocument.TypeOf(entity, column) switch
    {
        "Edm.Guid" when column == entity.KeyColumn => "Uniqueidentifier",
        "Edm.Guid" => "Lookup",
        "Edm.Int32" when column is "statecode" => "State",
        "Edm.Int32" when column is "statuscode" => "Status",
        "Edm.Int32" => "Integer",
        "Edm.Int64" => "BigInt",
        "Edm.DateTimeOffset" => "DateTime",
        "Edm.Boolean" => "Boolean",
        _ => "String",
    };
}
