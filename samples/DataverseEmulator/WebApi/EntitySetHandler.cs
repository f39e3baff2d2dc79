using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataverseEmulator.Store;

namespace DataverseEmulator.WebApi;

/// <summary>GET on an entity set or one record: filtering, ordering, paging and shaping.</summary>
internal static class EntitySetHandler
{
    private const int DefaultPageSize = 5000;

    public static ApiResponse GetCollection(ApiRequest request, EntityTable table)
    {
        var entity = table.Definition;
        var (options, error) = QueryOptionsParser.Parse(request.Query, entity);
        if (options is null)
        {
            return error!;
        }

        var prefer = PreferHeader.Parse(request.Header("Prefer"));
        var result = table.Query(options.Filter?.Root);
        if (result.TimedOut)
        {
            return ODataErrors.LeadingWildcardTimeout();
        }

        IEnumerable<EntityRecord> rows = result.Rows;
        if (options.OrderBy.Count > 0)
        {
            rows = rows.OrderBy(r => r, new RecordOrderComparer(options.OrderBy));
        }

        var matching = rows.ToList();
        var total = matching.Count;

        // Dataverse ignores odata.maxpagesize when $top is given: $top is then the whole answer.
        var pageSize = options.Top is null ? prefer.MaxPageSizeValue ?? DefaultPageSize : int.MaxValue;
        var pageNumber = options.PageNumber ?? 1;
        var skip = (long)(pageNumber - 1) * pageSize;
        var page = matching.Skip((int)Math.Min(skip, int.MaxValue)).Take(Math.Min(pageSize, options.Top ?? int.MaxValue)).ToList();

        var body = new JsonObject
        {
            ["@odata.context"] = $"{request.ApiBase}$metadata#{RecordShaper.ContextFragment(entity, options.Select)}",
        };
        if (options.Count)
        {
            body["@odata.count"] = total;
        }

        body["value"] = new JsonArray([.. page.Select(r => RecordShaper.Shape(r, entity, options.Select, prefer))]);
        if (options.Top is null && skip + page.Count < total)
        {
            body["@odata.nextLink"] = NextLink(request, entity, pageNumber + 1);
        }

        var response = ApiResponse.Json(200, body);
        var applied = new List<string>();
        if (prefer.MaxPageSizeValue is { } size && options.Top is null)
        {
            applied.Add(string.Create(CultureInfo.InvariantCulture, $"odata.maxpagesize={size}"));
        }

        if (prefer.IncludeAnnotations is { } annotations)
        {
            applied.Add($"odata.include-annotations=\"{annotations}\"");
        }

        return applied.Count > 0 ? response.WithHeader("Preference-Applied", string.Join(',', applied)) : response;
    }

    public static ApiResponse GetRecord(ApiRequest request, EntityTable table, RecordAddress address)
    {
        var entity = table.Definition;
        var (options, error) = QueryOptionsParser.Parse(request.Query, entity);
        if (options is null)
        {
            return error!;
        }

        var record = address.Id is { } id ? table.Retrieve(id) : table.Retrieve(address.Key!, address.KeyValues!);
        if (record is null)
        {
            return address.Id is { } missing ? ODataErrors.RecordNotFound(entity.LogicalName, missing) : ODataErrors.RecordNotFoundByKey(entity.LogicalName);
        }

        var prefer = PreferHeader.Parse(request.Header("Prefer"));
        var body = new JsonObject
        {
            ["@odata.context"] = $"{request.ApiBase}$metadata#{RecordShaper.ContextFragment(entity, options.Select)}/$entity",
        };
        foreach (var (name, value) in RecordShaper.Shape(record, entity, options.Select, prefer))
        {
            body[name] = value?.DeepClone();
        }

        return ApiResponse.Json(200, body).WithHeader("ETag", record.ETag);
    }

    public static ApiResponse Count(EntityTable table) =>
        ApiResponse.Text(200, table.Count.ToString(CultureInfo.InvariantCulture));

    private static string NextLink(ApiRequest request, EntityDefinition entity, int nextPage)
    {
        // Dataverse hands out a paging cookie; clients must follow the link as given, so its shape only has to round-trip.
        var link = new StringBuilder().Append(request.ApiBase).Append(entity.SetName).Append('?');
        foreach (var (key, value) in request.Query.Where(q => !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase)))
        {
            link.Append(EscapeKey(key)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }

        var cookie = string.Create(CultureInfo.InvariantCulture, $"<cookie pagenumber=\"{nextPage}\" pagingcookie=\"\" istracking=\"False\" />");
        return link.Append("$skiptoken=").Append(Uri.EscapeDataString(cookie)).ToString();
    }

    // Keep "$select" and "@p1" readable in links; only the values need escaping.
    private static string EscapeKey(string key) =>
        Uri.EscapeDataString(key).Replace("%24", "$", StringComparison.Ordinal).Replace("%40", "@", StringComparison.Ordinal);
}
