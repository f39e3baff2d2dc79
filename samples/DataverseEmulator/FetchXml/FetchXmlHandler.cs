using System.Text.Json.Nodes;
using DataverseEmulator.Store;
using DataverseEmulator.WebApi;

namespace DataverseEmulator.FetchXml;

/// <summary><c>GET {set}?fetchXml=…</c>: runs the query and answers like the Web API does, with morerecords when paged.</summary>
internal static class FetchXmlHandler
{
    public static ApiResponse Handle(ApiRequest request, EntityTable table)
    {
        var entity = table.Definition;
        FetchXmlQuery query;
        try
        {
            query = FetchXmlParser.Parse(request.Query["fetchXml"]);
        }
        catch (FetchXmlException ex)
        {
            return ApiResponse.Error(400, ex.Code, ex.Message);
        }
        catch (ArgumentException)
        {
            return ApiResponse.Error(400, "0x80040203", "A like pattern in the FetchXML is not valid.");
        }

        if (!query.EntityName.Equals(entity.LogicalName, StringComparison.Ordinal))
        {
            return ApiResponse.Error(400, "0x80040203", $"The FetchXML entity '{query.EntityName}' does not match the entity set '{entity.SetName}'.");
        }

        if (query.ReferencedColumns.FirstOrDefault(c => !entity.Columns.Contains(c)) is { } unknown)
        {
            return ApiResponse.Error(400, "0x80041103", $"'{entity.LogicalName}' entity doesn't contain attribute with Name = '{unknown}'.");
        }

        var result = table.Query(query.Filter);
        if (result.TimedOut)
        {
            return ODataErrors.LeadingWildcardTimeout();
        }

        IEnumerable<EntityRecord> rows = result.Rows;
        if (query.Orders.Count > 0)
        {
            rows = rows.OrderBy(r => r, new RecordOrderComparer(query.Orders));
        }

        var matching = rows.Take(query.Top ?? int.MaxValue).ToList();
        var pageSize = query.Count ?? 5000;
        var page = matching.Skip((query.Page - 1) * pageSize).Take(pageSize).ToList();
        var prefer = PreferHeader.Parse(request.Header("Prefer"));
        var body = new JsonObject
        {
            ["@odata.context"] = $"{request.ApiBase}$metadata#{RecordShaper.ContextFragment(entity, query.Attributes)}",
        };
        if (query.Count is not null)
        {
            body["@Microsoft.Dynamics.CRM.morerecords"] = query.Page * pageSize < matching.Count;
            if (page.Count > 0)
            {
                body["@Microsoft.Dynamics.CRM.fetchxmlpagingcookie"] =
                    $"<cookie page=\"{query.Page}\"><{entity.KeyColumn} last=\"{{{page[^1].Id:D}}}\" first=\"{{{page[0].Id:D}}}\" /></cookie>";
            }
        }

        body["value"] = new JsonArray([.. page.Select(r => (JsonNode)RecordShaper.Shape(r, entity, query.Attributes, prefer))]);
        return ApiResponse.Json(200, body);
    }
}
