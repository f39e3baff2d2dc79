using System.Text.Json.Nodes;
using DataverseEmulator.FetchXml;
using DataverseEmulator.Metadata;
using DataverseEmulator.Store;

namespace DataverseEmulator.WebApi;

/// <summary>Routes one Web API request (top-level or from a $batch part) to its handler.</summary>
internal sealed class ApiDispatcher(EntityStore store, EmulatorSettings settings)
{
    public ApiResponse Dispatch(ApiRequest request)
    {
        if (request.ResourcePath.Length == 0)
        {
            return request.Method == "GET" ? ServiceDocument(request) : ODataErrors.MethodNotAllowed(request.Method);
        }

        if (ResourcePath.Parse(request.ResourcePath) is not { } path)
        {
            return ODataErrors.BadQuery($"Bad Request - Error in query syntax: '{request.ResourcePath}'.");
        }

        switch (path.Segment)
        {
            case "WhoAmI" when path.Rest is null && path.Key is null or "":
                return request.Method == "GET" ? WhoAmIHandler.Handle(request, settings) : ODataErrors.MethodNotAllowed(request.Method);
            case "$metadata":
                return request.Method == "GET" ? MetadataDocument.Build(store) : ODataErrors.MethodNotAllowed(request.Method);
            case "$batch":
                return ODataErrors.BadQuery("A batch request cannot contain another batch request.");
            case EntityDefinitionsHandler.Segment:
                return EntityDefinitionsHandler.Handle(request, path, store);
        }

        if (store.FindBySet(path.Segment) is not { } table)
        {
            return ODataErrors.SegmentNotFound(path.Segment);
        }

        if (path.Key is null)
        {
            if (path.Rest == "/$count")
            {
                return request.Method == "GET" ? EntitySetHandler.Count(table) : ODataErrors.MethodNotAllowed(request.Method);
            }

            if (path.Rest is not null)
            {
                return ODataErrors.SegmentNotFound(path.Rest.TrimStart('/'));
            }

            return request.Method switch
            {
                "GET" when request.Query.ContainsKey("fetchXml") => FetchXmlHandler.Handle(request, table),
                "GET" => ChangeTrackingHandler.IsTrackingRequest(request)
                    ? ChangeTrackingHandler.Handle(request, table, store)
                    : EntitySetHandler.GetCollection(request, table),
                "POST" => RecordWriter.Create(request, table, store),
                _ => ODataErrors.MethodNotAllowed(request.Method),
            };
        }

        var (address, error) = KeyAddressing.Resolve(path, table);
        if (address is null)
        {
            return error!;
        }

        if (path.Rest is not null)
        {
            return ODataErrors.SegmentNotFound(path.Rest.TrimStart('/'));
        }

        return request.Method switch
        {
            "GET" => EntitySetHandler.GetRecord(request, table, address),
            "PATCH" => RecordWriter.Upsert(request, table, store, address),
            "DELETE" => RecordWriter.Delete(table, address),
            _ => ODataErrors.MethodNotAllowed(request.Method),
        };
    }

    private ApiResponse ServiceDocument(ApiRequest request) => ApiResponse.Json(200, new JsonObject
    {
        ["@odata.context"] = $"{request.ApiBase}$metadata",
        ["value"] = new JsonArray([.. store.Tables.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Definition.SetName,
            ["kind"] = "EntitySet",
            ["url"] = t.Definition.SetName,
        })]),
    });
}
