using DataverseEmulator.Store;

namespace DataverseEmulator.Pages;

/// <summary>A view (<c>pagetype=entitylist</c>): every row of the table; the emulator has no saved views to filter by.</summary>
internal static class EntityListPage
{
    /// <summary>Rows a list or search page shows at most; the count still says how many there are, as a view pages its rows.</summary>
    public const int MaxListed = 5000;

    public static HtmlPage Build(EntityTable table, string? viewId)
    {
        var entity = table.Definition;
        var rows = table.Snapshot();
        var page = new HtmlPage($"{entity.DisplayName} list - Dataverse emulator")
            .Raw("<main id=\"list\">")
            .Raw($"<h1>All <span id=\"entity\">{HtmlPage.Encode(entity.LogicalName)}</span> records</h1>")
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
