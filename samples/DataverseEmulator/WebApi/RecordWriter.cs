using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseEmulator.Store;

namespace DataverseEmulator.WebApi;

/// <summary>POST (create), PATCH (update or upsert) and DELETE, with the conditional headers Dataverse honours.</summary>
internal static class RecordWriter
{
    public static ApiResponse Create(ApiRequest request, EntityTable table, EntityStore store)
    {
        var entity = table.Definition;
        var (values, parties, error) = RecordBodyReader.Read(request, entity, store);
        if (values is null)
        {
            return error!;
        }

        var record = store.CreateRecord(entity, values);
        Stamp(record.Values, store, created: true);
        if (!table.TryAdd(record))
        {
            return ApiResponse.Error(412, ErrorCodes.DuplicateRecord, "A record with matching key values already exists.");
        }

        AddParties(store, record.Id, parties);
        return Created(request, table, record);
    }

    public static ApiResponse Upsert(ApiRequest request, EntityTable table, EntityStore store, Guid id)
    {
        var entity = table.Definition;
        var (values, parties, error) = RecordBodyReader.Read(request, entity, store);
        if (values is null)
        {
            return error!;
        }

        var ifMatch = request.Header("If-Match");
        var ifNoneMatch = request.Header("If-None-Match");
        var outcome = table.Update(() =>
        {
            var existing = table.Find(id);
            if (existing is null)
            {
                // If-Match: * turns an upsert into update-only.
                return ifMatch is not null ? ODataErrors.RecordNotFound(entity.LogicalName, id) : null;
            }

            if (ifNoneMatch == "*")
            {
                return ApiResponse.Error(412, ErrorCodes.DuplicateRecord, "A record with matching key values already exists.");
            }

            if (ifMatch is not null && ifMatch != "*" && ifMatch != existing.ETag)
            {
                return ApiResponse.Error(412, ErrorCodes.ConcurrencyFailure, "The version of the existing record doesn't match the RowVersion property provided.");
            }

            var merged = (JsonObject)existing.Values.DeepClone();
            foreach (var (name, value) in values)
            {
                if (name != entity.KeyColumn)
                {
                    merged[name] = value?.DeepClone();
                }
            }

            var version = store.NextVersion();
            merged["versionnumber"] = version;
            Stamp(merged, store, created: false);
            table.Replace(new EntityRecord(id, merged, version));
            return ApiResponse.NoContent();
        });

        if (outcome is not null)
        {
            if (outcome.StatusCode == 204)
            {
                AddParties(store, id, parties);
                return outcome.WithHeader("OData-EntityId", $"{request.ApiBase}{entity.SetName}({id:D})");
            }

            return outcome;
        }

        values[entity.KeyColumn] = id.ToString("D");
        var record = store.CreateRecord(entity, values);
        Stamp(record.Values, store, created: true);
        if (!table.TryAdd(record))
        {
            return ApiResponse.Error(412, ErrorCodes.DuplicateRecord, "A record with matching key values already exists.");
        }

        AddParties(store, id, parties);
        return Created(request, table, record);
    }

    public static ApiResponse Delete(EntityTable table, EntityStore store, Guid id) =>
        table.Remove(id, store.NextVersion()) ? ApiResponse.NoContent() : ODataErrors.RecordNotFound(table.Definition.LogicalName, id);

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

    private static void Stamp(JsonObject values, EntityStore store, bool created)
    {
        var now = store.TimeProvider.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        if (created && values["createdon"] is null)
        {
            values["createdon"] = now;
        }

        values["modifiedon"] = now;
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

            table.TryAdd(store.CreateRecord(table.Definition, values));
        }
    }
}
