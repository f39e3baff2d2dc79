using System.Text.Json.Nodes;
using DataverseEmulator.Store;
using DataverseEmulator.WebApi;

namespace DataverseEmulator.Metadata;

/// <summary><c>EntityDefinitions(…)/Keys</c>: list, read and create alternate keys (EntityKeyMetadata).</summary>
internal static class KeysHandler
{
    private const int MaxKeys = 10;

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

        var keys = table.Keys;
        if (keys.Any(k => k.LogicalName.Equals(schemaName, StringComparison.OrdinalIgnoreCase)))
        {
            return ApiResponse.Error(400, ErrorCodes.EntityKeyNameExists, $"An entity key with the name {schemaName} already exists on entity {entity.LogicalName}.");
        }

        if (keys.Any(k => k.Matches(attributes!)))
        {
            return ApiResponse.Error(400, ErrorCodes.EntityKeyWithSelectedAttributesExists, "An entity key with the selected attributes already exists on entity.");
        }

        if (keys.Count >= MaxKeys)
        {
            return EntityMetadataReader.Invalid($"The entity {entity.LogicalName} already has the most alternate keys a table can have ({MaxKeys}).");
        }

        var key = table.AddKey(schemaName!, attributes!, displayName);
        return ApiResponse.NoContent().WithHeader("OData-EntityId", $"{request.ApiBase}EntityDefinitions({table.Metadata.MetadataId:D})/Keys({key.MetadataId:D})");
    }
}
