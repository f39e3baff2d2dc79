using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseEmulator.Store;
using DataverseEmulator.WebApi;

namespace DataverseEmulator.Metadata;

/// <summary>
/// Reads the bodies <c>index setup</c> posts: an EntityMetadata with its Attributes (one StringAttributeMetadata
/// with IsPrimaryName), an AttributeMetadata, an EntityKeyMetadata. Names are checked; other properties keep
/// Dataverse's defaults.
/// </summary>
internal static class EntityMetadataReader
{
    private static readonly string[] CommonColumns = ["statecode", "statuscode", "createdon", "modifiedon", "versionnumber", "_ownerid_value"];

    public static (EntityDefinition? Definition, TableMetadata? Metadata, ApiResponse? Error) ReadTable(string body)
    {
        if (Parse(body, "EntityMetadata") is not { } json)
        {
            return (null, null, Invalid("The request body must be an EntityMetadata JSON object."));
        }

        if (Text(json, "SchemaName") is not { Length: > 0 } schemaName)
        {
            return (null, null, Invalid("EntityMetadata needs a SchemaName."));
        }

        var columns = new List<ColumnMetadata>();
        foreach (var item in (json["Attributes"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ReadColumn(item) is not { } column)
            {
                return (null, null, Invalid("Each of Attributes needs a SchemaName."));
            }

            columns.Add(column);
        }

        var primary = columns.Where(c => c.IsPrimaryName).ToList();
        if (primary.Count != 1 || primary[0].AttributeType != "String")
        {
            return (null, null, Invalid("Attributes must hold exactly one StringAttributeMetadata with IsPrimaryName true, the table's primary name column."));
        }

        var logicalName = schemaName.ToLowerInvariant();
        var setName = Text(json, "EntitySetName") ?? (logicalName.EndsWith('s') ? logicalName + "es" : logicalName + "s");
        var key = logicalName + "id";
        var definition = new EntityDefinition(
            logicalName,
            setName,
            key,
            primary[0].LogicalName,
            [],
            [key, .. columns.Select(c => c.LogicalName), .. CommonColumns])
        {
            ChangeTrackingEnabled = json["ChangeTrackingEnabled"] is JsonValue tracking && tracking.GetValueKind() == JsonValueKind.True,
        };
        var metadata = new TableMetadata(
            Guid.NewGuid(),
            schemaName,
            json["DisplayName"]?.DeepClone(),
            json["DisplayCollectionName"]?.DeepClone(),
            json["Description"]?.DeepClone(),
            Text(json, "OwnershipType") ?? "UserOwned",
            IsCustomEntity: true,
            HasActivities: Flag(json, "HasActivities"),
            HasNotes: Flag(json, "HasNotes"),
            columns.ToDictionary(c => c.LogicalName, StringComparer.Ordinal));
        return (definition, metadata, null);
    }

    public static (ColumnMetadata? Column, ApiResponse? Error) ReadAttribute(string body) =>
        Parse(body, "AttributeMetadata") is { } json && ReadColumn(json) is { } column
            ? (column, null)
            : (null, Invalid("The request body must be an AttributeMetadata JSON object with a SchemaName."));

    public static (string? SchemaName, IReadOnlyList<string>? Attributes, JsonNode? DisplayName, ApiResponse? Error) ReadKey(string body)
    {
        if (Parse(body, "EntityKeyMetadata") is not { } json || Text(json, "SchemaName") is not { Length: > 0 } schemaName)
        {
            return (null, null, null, Invalid("The request body must be an EntityKeyMetadata JSON object with a SchemaName."));
        }

        var attributes = (json["KeyAttributes"] as JsonArray ?? []).Select(a => (a as JsonValue)?.ToString()).ToList();
        if (attributes.Count == 0 || attributes.Any(a => string.IsNullOrEmpty(a)))
        {
            return (null, null, null, Invalid("EntityKeyMetadata needs KeyAttributes: the logical names of the key's columns."));
        }

        return (schemaName, attributes!, json["DisplayName"]?.DeepClone(), null);
    }

    public static ApiResponse Invalid(string message) => ApiResponse.Error(400, ErrorCodes.InvalidArgument, message);

    private static ColumnMetadata? ReadColumn(JsonObject json)
    {
        if (Text(json, "SchemaName") is not { Length: > 0 } schemaName)
        {
            return null;
        }

        // "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata" names the type; AttributeType may say it too.
        var odataType = Text(json, "@odata.type")?.TrimStart('#');
        var type = odataType is not null && odataType.StartsWith("Microsoft.Dynamics.CRM.", StringComparison.Ordinal) &&
            odataType.EndsWith("AttributeMetadata", StringComparison.Ordinal)
            ? odataType["Microsoft.Dynamics.CRM.".Length..^"AttributeMetadata".Length]
            : Text(json, "AttributeType") ?? "String";
        var maxLength = json["MaxLength"] is JsonValue length && length.TryGetValue<int>(out var value) ? value : (int?)null;
        return new ColumnMetadata(schemaName.ToLowerInvariant(), schemaName, type.Length == 0 ? "String" : type, maxLength, Flag(json, "IsPrimaryName"), json["DisplayName"]?.DeepClone());
    }

    private static JsonObject? Parse(string body, string expectedType)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject json)
            {
                return null;
            }

            var type = Text(json, "@odata.type")?.TrimStart('#');
            return type is null || type == "Microsoft.Dynamics.CRM." + expectedType ||
                (expectedType == "AttributeMetadata" && type.EndsWith(expectedType, StringComparison.Ordinal))
                ? json
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool Flag(JsonObject json, string name) => json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.True;
}
