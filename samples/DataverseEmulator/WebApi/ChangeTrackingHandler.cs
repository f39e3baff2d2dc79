using System.Text;
using System.Text.Json.Nodes;
using DataverseEmulator.Store;

namespace DataverseEmulator.WebApi;

/// <summary>
/// Change tracking: <c>Prefer: odata.track-changes</c> returns every row and an <c>@odata.deltaLink</c>;
/// following that link returns rows changed since, and deleted ones as <c>$deletedEntity</c> entries.
/// As in Dataverse, $filter, $orderby, $top and $expand are refused, and tokens expire after 7 days.
/// The emulator answers in one page (no odata.maxpagesize paging while tracking).
/// </summary>
internal static class ChangeTrackingHandler
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(7);

    public static bool IsTrackingRequest(ApiRequest request) =>
        request.Query.ContainsKey("$deltatoken") || PreferHeader.Parse(request.Header("Prefer")).TrackChanges;

    public static ApiResponse Handle(ApiRequest request, EntityTable table, EntityStore store)
    {
        var entity = table.Definition;
        var refused = request.Query.Keys.FirstOrDefault(k => k is "$filter" or "$orderby" or "$top" or "$expand" or "$skiptoken");
        if (refused is not null)
        {
            return ODataErrors.BadQuery($"The query option {refused} is not supported with change tracking.");
        }

        var (options, error) = QueryOptionsParser.Parse(request.Query, entity);
        if (options is null)
        {
            return error!;
        }

        var now = store.TimeProvider.GetUtcNow();
        DeltaToken? since = null;
        if (request.Query.TryGetValue("$deltatoken", out var text))
        {
            if (!DeltaToken.TryParse(text, out var token))
            {
                return ODataErrors.BadQuery($"The $deltatoken '{text}' is not a change tracking token issued by this service.");
            }

            if (now - token.IssuedOn > TokenLifetime)
            {
                return ODataErrors.BadQuery("The change tracking token has expired. Tokens are kept for 7 days; start again without $deltatoken.");
            }

            since = token;
        }

        // Take the version before the rows: a change racing this read is sent again next time, never lost.
        var next = new DeltaToken(store.CurrentVersion, now);
        var prefer = PreferHeader.Parse(request.Header("Prefer"));
        var rows = table.Snapshot().Where(r => since is not { } s || r.Version > s.Version);
        var value = new JsonArray([.. rows.Select(r => (JsonNode)RecordShaper.Shape(r, entity, options.Select, prefer))]);
        if (since is { } from)
        {
            foreach (var id in table.DeletedSince(from.Version))
            {
                value.Add(new JsonObject
                {
                    ["@odata.context"] = $"{request.ApiBase}$metadata#{entity.SetName}/$deletedEntity",
                    ["id"] = id.ToString("D"),
                    ["reason"] = "deleted",
                });
            }
        }

        var context = $"{request.ApiBase}$metadata#{RecordShaper.ContextFragment(entity, options.Select)}" + (since is null ? string.Empty : "/$delta");
        var body = new JsonObject
        {
            ["@odata.context"] = context,
            ["value"] = value,
            ["@odata.deltaLink"] = DeltaLink(request, entity, next),
        };
        return ApiResponse.Json(200, body).WithHeader("Preference-Applied", "odata.track-changes");
    }

    private static string DeltaLink(ApiRequest request, EntityDefinition entity, DeltaToken token)
    {
        var link = new StringBuilder().Append(request.ApiBase).Append(entity.SetName).Append('?');
        if (request.Query.TryGetValue("$select", out var select))
        {
            link.Append("$select=").Append(Uri.EscapeDataString(select)).Append('&');
        }

        return link.Append("$deltatoken=").Append(Uri.EscapeDataString(token.ToString())).ToString();
    }
}
