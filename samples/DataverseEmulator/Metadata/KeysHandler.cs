using System.Text.Json.Nodes;
using DataverseEmulator.Store;
using DataverseEmulator.Store.Indexing;
using DataverseEmulator.WebApi;

namespace DataverseEmulator.Metadata;

/// <summary><c>EntityDefinitions(…)/Keys</c>: list, read and create alternate keys (EntityKeyMetadata).</summary>
internal static class KeysHandler
{
    public static ApiResponse Handle(ApiRequest request, ResourcePath path, EntityTable table)
    {
        var select = EntityDefinitionsHandler.SelectOf(request);
        if (path.Key is { } key)
        {
            var name = path.KeyValues() is [("LogicalName", var logicalName)] ? logicalName : key.Trim('\'');
            var found = table.Keys.FirstOrDefault(k => k.LogicalName.Equals(name, StringComparison.OrdinalIgnoreCase) ||
                (Guid.TryParse(name, out var id) && k.MetadataId == id));
            return request.Method != "GET" ? ODataErrors.MethodNotAllowed(request.Method)
                : found is null
                    ? ApiResponse.Error(404, ErrorCodes.NoEntity, $"Could not find key {name} on entity {table.Definition.LogicalName}.")
                    : ApiResponse.Json(200, EntityMetadataJson.Select(EntityMetadataJson.Key(table, found), select));
        }

        return request.Method switch
        {
            "GET" => ApiResponse.Json(200, new JsonObject
            {
                ["@odata.context"] = $"{request.ApiBase}$metadata#EntityDefinitions({table.Metadata.MetadataId:D})/Keys",
                ["value"] = new JsonArray([.. table.Keys.Select(k => (JsonNode)EntityMetadataJson.Select(EntityMetadataJson.Key(table, k), select))]),
            }),
            "POST" => Create(request, table),
            _ => ODataErrors.MethodNotAllowed(request.Method),
        };
    }

    private static ApiResponse Create(ApiRequest request, EntityTable table)
    {
        var (schemaName, attributes, displayName, error) = EntityMetadataReader.ReadKey(request.Body);
        if (error is not null)
        {
            return error;
        }

        var entity = table.Definition;
        if (attributes!.FirstOrDefault(a => !entity.Columns.Contains(a)) is { } unknown)
        {
            return EntityMetadataReader.Invalid($"The attribute {unknown} of the key {schemaName} does not exist on entity {entity.LogicalName}.");
        }

        switch (table.TryAddKey(schemaName!, attributes!, displayName, out var key))
        {
            case KeyRefusal.NameExists:
                return ApiResponse.Error(400, ErrorCodes.EntityKeyNameExists, $"An entity key with the name {schemaName} already exists on entity {entity.LogicalName}.");
            case KeyRefusal.AttributesExist:
                return ApiResponse.Error(400, ErrorCodes.EntityKeyWithSelectedAttributesExists, "An entity key with the selected attributes already exists on entity.");
            case KeyRefusal.TooMany:
                return EntityMetadataReader.Invalid($"The entity {entity.LogicalName} already has the most alternate keys a table can have ({EntityTable.MaxKeys}).");
        }

        return ApiResponse.NoContent().WithHeader("OData-EntityId", $"{request.ApiBase}EntityDefinitions({table.Metadata.MetadataId:D})/Keys({key!.MetadataId:D})");
    }
}
