using System.Text.Json.Nodes;
using DataverseEmulator.Filtering;
using DataverseEmulator.Store;
using DataverseEmulator.WebApi;

namespace DataverseEmulator.Metadata;

/// <summary>
/// <c>EntityDefinitions</c>: read table definitions (by <c>LogicalName='x'</c> or MetadataId, or the collection with
/// $select/$filter), create a table with its columns, add columns, and create and read alternate keys
/// (<c>EntityDefinitions(LogicalName='x')/Keys</c>) whose index status moves Pending → InProgress → Active.
/// </summary>
internal static class EntityDefinitionsHandler
{
    public const string Segment = "EntityDefinitions";

    public static ApiResponse Handle(ApiRequest request, ResourcePath path, EntityStore store)
    {
        if (path.Key is null)
        {
            return path.Rest is not null ? ODataErrors.SegmentNotFound(path.Rest.TrimStart('/'))
                : request.Method switch
                {
                    "GET" => List(request, store),
                    "POST" => CreateTable(request, store),
                    _ => ODataErrors.MethodNotAllowed(request.Method),
                };
        }

        var name = path.KeyValues() is [("LogicalName", var logicalName)] ? logicalName : path.Key.Trim('\'');
        var table = Guid.TryParse(name, out var metadataId)
            ? store.Tables.FirstOrDefault(t => t.Metadata.MetadataId == metadataId)
            : store.FindByLogicalName(name);
        if (table is null)
        {
            return ODataErrors.NoEntity(name);
        }

        if (path.Rest is null)
        {
            return request.Method == "GET"
                ? ApiResponse.Json(200, Entity(request, table))
                : ODataErrors.MethodNotAllowed(request.Method);
        }

        var child = ResourcePath.Parse(path.Rest.TrimStart('/'));
        return child?.Segment switch
        {
            "Keys" => KeysHandler.Handle(request, child, table),
            "Attributes" => Attributes(request, child, table),
            _ => ODataErrors.SegmentNotFound(path.Rest.TrimStart('/')),
        };
    }

    /// <summary>The $select of a metadata request, split; null when absent.</summary>
    public static IReadOnlyList<string>? SelectOf(ApiRequest request) =>
        request.Query.TryGetValue("$select", out var select)
            ? select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : null;

    private static JsonObject Entity(ApiRequest request, EntityTable table)
    {
        var json = EntityMetadataJson.Select(EntityMetadataJson.Entity(table), SelectOf(request));
        var expand = request.Query.GetValueOrDefault("$expand") ?? string.Empty;
        if (expand.Contains("Keys", StringComparison.Ordinal))
        {
            json["Keys"] = new JsonArray([.. table.Keys.Select(k => (JsonNode)EntityMetadataJson.Key(table, k))]);
        }

        if (expand.Contains("Attributes", StringComparison.Ordinal))
        {
            json["Attributes"] = new JsonArray([.. table.Definition.Columns.Select(c => (JsonNode)EntityMetadataJson.Attribute(table, c))]);
        }

        var context = new JsonObject { ["@odata.context"] = $"{request.ApiBase}$metadata#EntityDefinitions/$entity" };
        foreach (var (property, value) in json)
        {
            context[property] = value?.DeepClone();
        }

        return context;
    }

    private static ApiResponse List(ApiRequest request, EntityStore store)
    {
        FilterNode? filter = null;
        if (request.Query.TryGetValue("$filter", out var text))
        {
            try
            {
                filter = FilterParser.Parse(text).Root;
            }
            catch (FilterParseException ex)
            {
                return ODataErrors.BadQuery(ex.Message);
            }
        }

        var select = SelectOf(request);
        var value = new JsonArray();
        foreach (var table in store.Tables)
        {
            var json = EntityMetadataJson.Entity(table);
            if (filter is null || filter.Evaluate(json))
            {
                value.Add(EntityMetadataJson.Select(json, select));
            }
        }

        var fragment = select is null ? "EntityDefinitions" : $"EntityDefinitions({string.Join(',', select)})";
        return ApiResponse.Json(200, new JsonObject { ["@odata.context"] = $"{request.ApiBase}$metadata#{fragment}", ["value"] = value });
    }

    private static ApiResponse CreateTable(ApiRequest request, EntityStore store)
    {
        var (definition, metadata, error) = EntityMetadataReader.ReadTable(request.Body);
        if (error is not null)
        {
            return error;
        }

        if (!store.TryCreate(definition!, metadata!, out _))
        {
            return ApiResponse.Error(400, ErrorCodes.DuplicateName, $"An object with the specified name already exists: a table named {definition!.LogicalName} (entity set {definition.SetName}) exists.");
        }

        return ApiResponse.NoContent().WithHeader("OData-EntityId", $"{request.ApiBase}EntityDefinitions({metadata!.MetadataId:D})");
    }

    private static ApiResponse Attributes(ApiRequest request, ResourcePath path, EntityTable table)
    {
        if (path.Key is { } key)
        {
            var name = path.KeyValues() is [("LogicalName", var logicalName)] ? logicalName : key.Trim('\'');
            return request.Method != "GET" ? ODataErrors.MethodNotAllowed(request.Method)
                : table.Definition.Columns.Contains(name)
                    ? ApiResponse.Json(200, EntityMetadataJson.Select(EntityMetadataJson.Attribute(table, name), SelectOf(request)))
                    : ApiResponse.Error(404, ErrorCodes.NoEntity, $"Could not find attribute {name} on entity {table.Definition.LogicalName}.");
        }

        switch (request.Method)
        {
            case "GET":
                var select = SelectOf(request);
                return ApiResponse.Json(200, new JsonObject
                {
                    ["@odata.context"] = $"{request.ApiBase}$metadata#EntityDefinitions({table.Metadata.MetadataId:D})/Attributes",
                    ["value"] = new JsonArray([.. table.Definition.Columns.Select(c => (JsonNode)EntityMetadataJson.Select(EntityMetadataJson.Attribute(table, c), select))]),
                });
            case "POST":
                var (column, error) = EntityMetadataReader.ReadAttribute(request.Body);
                if (error is not null)
                {
                    return error;
                }

                return table.TryAddColumn(column!)
                    ? ApiResponse.NoContent().WithHeader("OData-EntityId", $"{request.ApiBase}EntityDefinitions({table.Metadata.MetadataId:D})/Attributes({column!.MetadataId:D})")
                    : ApiResponse.Error(400, ErrorCodes.DuplicateName, $"An object with the specified name already exists: {table.Definition.LogicalName} has a column named {column!.LogicalName}.");
            default:
                return ODataErrors.MethodNotAllowed(request.Method);
        }
    }
}
