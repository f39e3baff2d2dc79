using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataverseEmulator.Store;
using DataverseEmulator.Store.Tracking;

namespace DataverseEmulator.WebApi;

/// <summary>
/// Change tracking: <c>Prefer: odata.track-changes</c> returns every row, in pages of <c>odata.maxpagesize</c>
/// (<c>@odata.nextLink</c>), and an <c>@odata.deltaLink</c> on the last page; following that link returns rows
/// created or changed since (deactivated rows too, with their new statecode), then deleted ones as
/// <c>$deletedEntity</c> entries. As in Dataverse, $filter, $orderby, $top and $expand are refused, the table must
/// have change tracking on, and a token older than 7 days answers ExpiredVersionStamp so the client resyncs.
/// </summary>
internal static class ChangeTrackingHandler
{
    private const int DefaultPageSize = 5000;
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(7);

    public static bool IsTrackingRequest(ApiRequest request) =>
        request.Query.ContainsKey("$deltatoken") ||
        PreferHeader.Parse(request.Header("Prefer")).TrackChanges ||
        TrackingCookie.IsTracking(request.Query.GetValueOrDefault("$skiptoken"));

    public static ApiResponse Handle(ApiRequest request, EntityTable table, EntityStore store)
    {
        var entity = table.Definition;
        if (!entity.ChangeTrackingEnabled)
        {
            return ApiResponse.Error(400, ErrorCodes.ChangeTrackingNotEnabled, $"Entity {entity.LogicalName} isn't enabled for change tracking.");
        }

        var refused = request.Query.Keys.FirstOrDefault(k => k is "$filter" or "$orderby" or "$top" or "$expand");
        if (refused is not null)
        {
            return ODataErrors.BadQuery($"The \"{refused}\" query parameter isn't supported when Change Tracking is enabled.");
        }

        var (options, error) = QueryOptionsParser.Parse(request.Query, entity);
        if (options is null)
        {
            return error!;
        }

        var now = store.TimeProvider.GetUtcNow();
        var page = 1;
        ChangeCursor cursor;
        if (request.Query.TryGetValue("$skiptoken", out var skipToken))
        {
            if (!TrackingCookie.TryParse(skipToken, out page, out cursor))
            {
                return ODataErrors.BadQuery("The $skiptoken is not a paging cookie issued by this service.");
            }
        }
        else if (request.Query.TryGetValue("$deltatoken", out var text))
        {
            if (!DeltaToken.TryParse(text, out var token))
            {
                return ODataErrors.BadQuery($"The $deltatoken '{text}' is not a change tracking token issued by this service.");
            }

            if (now - token.IssuedOn > TokenLifetime)
            {
                return ApiResponse.Error(400, ErrorCodes.ExpiredVersionStamp, "Version stamp associated with the client has expired. Please perform a full sync.");
            }

            cursor = new ChangeCursor(Math.Max(token.Version, 1), 0, 0, DeletedPhase: false);
        }
        else
        {
            cursor = new ChangeCursor(0, 0, 0, DeletedPhase: false);
        }

        var prefer = PreferHeader.Parse(request.Header("Prefer"));
        var changes = table.ReadChanges(cursor, prefer.MaxPageSizeValue ?? DefaultPageSize);
        var value = new JsonArray([.. changes.Rows.Select(r => (JsonNode)RecordShaper.Shape(r, entity, options.Select, prefer))]);
        foreach (var id in changes.Deleted)
        {
            value.Add(new JsonObject
            {
                ["@odata.context"] = $"{request.ApiBase}$metadata#{entity.SetName}/$deletedEntity",
                ["id"] = id.ToString("D"),
                ["reason"] = "deleted",
            });
        }

        var body = new JsonObject
        {
            ["@odata.context"] = $"{request.ApiBase}$metadata#{RecordShaper.ContextFragment(entity, options.Select)}" + (changes.Cursor.IsDelta ? "/$delta" : string.Empty),
            ["value"] = value,
        };
        if (changes.Next is { } next)
        {
            body["@odata.nextLink"] = Link(request, entity, "$skiptoken", TrackingCookie.Format(page + 1, next));
        }
        else
        {
            body["@odata.deltaLink"] = Link(request, entity, "$deltatoken", new DeltaToken(changes.Cursor.Snapshot, now).ToString());
        }

        var applied = "odata.track-changes" + (prefer.MaxPageSizeValue is { } size ? string.Create(CultureInfo.InvariantCulture, $",odata.maxpagesize={size}") : string.Empty);
        return ApiResponse.Json(200, body).WithHeader("Preference-Applied", applied);
    }

    private static string Link(ApiRequest request, EntityDefinition entity, string option, string token)
    {
        var link = new StringBuilder().Append(request.ApiBase).Append(entity.SetName).Append('?');
        if (request.Query.TryGetValue("$select", out var select))
        {
            link.Append("$select=").Append(Uri.EscapeDataString(select)).Append('&');
        }

        return link.Append(option).Append('=').Append(Uri.EscapeDataString(token)).ToString();
    }
}
