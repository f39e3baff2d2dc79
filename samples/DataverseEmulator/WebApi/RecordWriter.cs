using System.Text.Json.Nodes;
using DataverseEmulator.Store;

namespace DataverseEmulator.WebApi;

/// <summary>POST (create), PATCH (update or upsert) and DELETE, with the conditional headers Dataverse honours.</summary>
internal static class RecordWriter
{
    public static ApiResponse Create(ApiRequest request, EntityTable table, EntityStore store)
    {
        var (values, parties, error) = RecordBodyReader.Read(request, table.Definition, store);
        if (values is null)
        {
            return error!;
        }

        if (RecordBodyReader.MissingRequired(table.Definition, values) is { } missing)
        {
            return missing;
        }

        var result = table.Create(values);
        if (result.Status != WriteStatus.Created)
        {
            return Refusal(table, result, null);
        }

        AddParties(store, result.Record!.Id, parties);
        return Created(request, table, result.Record);
    }

    public static ApiResponse Upsert(ApiRequest request, EntityTable table, EntityStore store, RecordAddress address)
    {
        var entity = table.Definition;
        var (values, parties, error) = RecordBodyReader.Read(request, entity, store);
        if (values is null)
        {
            return error!;
        }

        if (request.Header("If-Match") is null && address.Id is { } id && table.Find(id) is null && RecordBodyReader.MissingRequired(entity, values) is { } missing)
        {
            return missing;
        }

        var result = table.Upsert(address, values, request.Header("If-Match"), request.Header("If-None-Match"));
        switch (result.Status)
        {
            case WriteStatus.Updated:
                AddParties(store, result.Record!.Id, parties);
                return ApiResponse.NoContent().WithHeader("OData-EntityId", $"{request.ApiBase}{entity.SetName}({result.Record.Id:D})");
            case WriteStatus.Created:
                AddParties(store, result.Record!.Id, parties);
                return Created(request, table, result.Record);
            default:
                return Refusal(table, result, address);
        }
    }

    public static ApiResponse Delete(EntityTable table, RecordAddress address)
    {
        var result = table.Delete(address);
        return result.Status == WriteStatus.Deleted ? ApiResponse.NoContent() : Refusal(table, result, address);
    }

    private static ApiResponse Refusal(EntityTable table, WriteResult result, RecordAddress? address)
    {
        var entity = table.Definition;
        return result.Status switch
        {
            WriteStatus.NotFound when address?.Id is { } id => ODataErrors.RecordNotFound(entity.LogicalName, id),
            WriteStatus.NotFound => ODataErrors.RecordNotFoundByKey(entity.LogicalName),
            WriteStatus.KeyConflict => ODataErrors.DuplicateKey(result.ConflictingKey!.SchemaName, result.ConflictingKey.KeyAttributes),
            WriteStatus.VersionMismatch => ApiResponse.Error(412, ErrorCodes.ConcurrencyFailure, "The version of the existing record doesn't match the RowVersion property provided."),
            _ => ApiResponse.Error(412, ErrorCodes.DuplicateRecord, "A record with matching key values already exists."),
        };
    }

    private static ApiResponse Created(ApiRequest request, EntityTable table, EntityRecord record)
    {
        var entityId = $"{request.ApiBase}{table.Definition.SetName}({record.Id:D})";
        if (!PreferHeader.Parse(request.Header("Prefer")).ReturnRepresentation)
        {
            return ApiResponse.NoContent().WithHeader("OData-EntityId", entityId);
        }

        var body = new JsonObject { ["@odata.context"] = $"{request.ApiBase}$metadata#{table.Definition.SetName}/$entity" };
        foreach (var (name, value) in RecordShaper.Shape(record, table.Definition, null, PreferHeader.Parse(null)))
        {
            body[name] = value?.DeepClone();
        }

        return ApiResponse.Json(201, body)
            .WithHeader("OData-EntityId", entityId)
            .WithHeader("Preference-Applied", "return=representation");
    }

    private static void AddParties(EntityStore store, Guid activityId, JsonArray? parties)
    {
        if (parties is null || store.FindBySet("activityparties") is not { } table)
        {
            return;
        }

        foreach (var party in parties.OfType<JsonObject>())
        {
            var values = new JsonObject { ["_activityid_value"] = activityId.ToString("D") };
            foreach (var (name, value) in party)
            {
                if (name.EndsWith("@odata.bind", StringComparison.Ordinal))
                {
                    var target = ResourcePath.Parse(RecordBodyReader.BindPath(value?.ToString() ?? string.Empty));
                    if (target?.Key is { } key && Guid.TryParse(key, out var partyId))
                    {
                        values["_partyid_value"] = partyId.ToString("D");
                    }
                }
                else if (!name.Contains('@', StringComparison.Ordinal))
                {
                    values[name] = value?.DeepClone();
                }
            }

            table.Create(values, stamp: false);
        }
    }
}
