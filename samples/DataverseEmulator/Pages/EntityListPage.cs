using DataverseEmulator.Store;

namespace DataverseEmulator.Pages;

/// <summary>
/// A view (<c>pagetype=entitylist</c>): every row of the table (the emulator has no saved views to filter by), or with
/// <c>quickfind=</c> what the view's search box would find for that text (<see cref="QuickFind"/>). Dynamics has no URL
/// parameter for the search box; <c>quickfind</c> is the emulator's stand-in for the agent typing into it.
/// </summary>
internal static class EntityListPage
{
    /// <summary>Rows a list or search page shows at most; the count still says how many there are, as a view pages its rows.</summary>
    public const int MaxListed = 5000;

    public static HtmlPage Build(EntityTable table, string? viewId, string? quickFind = null)
    {
        var entity = table.Definition;
        var matches = quickFind is null ? null : QuickFind.For(entity, quickFind);
        var rows = matches is null ? table.Snapshot() : [.. table.Snapshot().Where(matches)];
        var page = new HtmlPage($"{entity.DisplayName} list - Dataverse emulator")
            .Raw("<main id=\"list\">")
            .Raw($"<h1>All <span id=\"entity\">{HtmlPage.Encode(entity.LogicalName)}</span> records</h1>")
            .Raw($"<form method=\"get\" action=\"main.aspx\"><input type=\"hidden\" name=\"pagetype\" value=\"entitylist\">" +
                 $"<input type=\"hidden\" name=\"etn\" value=\"{HtmlPage.Encode(entity.LogicalName)}\">" +
                 $"<input id=\"quickfind\" name=\"quickfind\" placeholder=\"Search this view\" value=\"{HtmlPage.Encode(quickFind ?? string.Empty)}\"></form>")
            .Raw($"<p><span id=\"resultcount\">{rows.Count}</span> records" +
                 (viewId is null ? string.Empty : $" &middot; view <span id=\"viewid\">{HtmlPage.Encode(viewId)}</span>") + "</p>")
            .Raw("<ol id=\"results\">");
        foreach (var record in rows.Take(MaxListed))
        {
            page.Raw(ResultItem.Render(entity, record));
        }

        return page.Raw("</ol>\n</main>");
    }
}
