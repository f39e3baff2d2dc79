using DataverseEmulator.Store;
using Microsoft.AspNetCore.Http;

namespace DataverseEmulator.Pages;

/// <summary>
/// <c>/main.aspx</c>: the Unified Interface URLs TrayPop opens — a record, a pre-filled new record, or search.
/// </summary>
internal sealed class MainAspxEndpoint(EntityStore store)
{
    public Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var pageType = query["pagetype"].ToString();
        var app = query["appid"].ToString() is { Length: > 0 } appId ? appId : query["appname"].ToString() is { Length: > 0 } appName ? appName : null;
        switch (pageType.ToLowerInvariant())
        {
            case "entityrecord":
                return RecordAsync(context, query["etn"].ToString(), query["id"].ToString(), query["extraqs"].ToString(), app);
            case "entitylist":
                return store.FindByLogicalName(query["etn"].ToString()) is { } table
                    ? EntityListPage.Build(
                        table,
                        query["viewid"].ToString() is { Length: > 0 } view ? view : null,
                        query.ContainsKey("quickfind") ? query["quickfind"].ToString() : null).WriteAsync(context, 200)
                    : Problem("Page Not Found", $"There is no table named '{query["etn"]}'.").WriteAsync(context, 404);
            case "search":
                return SearchPage.Build(store, query["searchText"].ToString()).WriteAsync(context, 200);
            default:
                return Problem("Page Not Found", $"The page type '{pageType}' is not supported; use entityrecord, entitylist or search.")
                    .WriteAsync(context, 404);
        }
    }

    private Task RecordAsync(HttpContext context, string logicalName, string id, string extraqs, string? app)
    {
        if (store.FindByLogicalName(logicalName) is not { } table)
        {
            return Problem("Record Not Found", $"There is no table named '{logicalName}'.").WriteAsync(context, 404);
        }

        if (id.Length == 0)
        {
            return NewRecordPage.Build(table.Definition, extraqs, app).WriteAsync(context, 200);
        }

        // Legacy URLs wrap the id in braces (%7B…%7D); Guid.TryParse accepts both forms.
        if (!Guid.TryParse(id, out var recordId) || table.Find(recordId) is not { } record)
        {
            return Problem("Record Not Found", $"The {table.Definition.LogicalName} with id '{id}' does not exist.").WriteAsync(context, 404);
        }

        return RecordPage.Build(table.Definition, record, app).WriteAsync(context, 200);
    }

    private static HtmlPage Problem(string title, string message) =>
        new HtmlPage($"{title} - Dataverse emulator")
            .Heading("error", title)
            .Raw($"<p id=\"message\">{HtmlPage.Encode(message)}</p>");
}
