using DataverseEmulator.Store;

namespace DataverseEmulator.Pages;

/// <summary>
/// The search page (<c>pagetype=search</c>), as a categorized search across contacts, accounts and leads: Quick Find on
/// each table, so text is matched from its start as stored (see <see cref="QuickFind"/>), never by digits.
/// </summary>
internal static class SearchPage
{
    private static readonly string[] SearchedSets = ["contacts", "accounts", "leads"];

    public static HtmlPage Build(EntityStore store, string searchText)
    {
        var results = new List<(EntityDefinition Entity, EntityRecord Record)>();
        foreach (var set in SearchedSets)
        {
            if (store.FindBySet(set) is not { } table || QuickFind.For(table.Definition, searchText) is not { } matches)
            {
                continue;
            }

            results.AddRange(table.Snapshot().Where(matches).Select(r => (table.Definition, r)));
        }

        var page = new HtmlPage($"Search: {searchText} - Dataverse emulator")
            .Raw("<main id=\"search\">")
            .Raw($"<h1>Search results for <span id=\"searchtext\">{HtmlPage.Encode(searchText)}</span></h1>")
            .Raw($"<p><span id=\"resultcount\">{results.Count}</span> records found</p>")
            .Raw("<ol id=\"results\">");
        foreach (var (entity, record) in results.Take(EntityListPage.MaxListed))
        {
            page.Raw(ResultItem.Render(entity, record));
        }

        return page.Raw("</ol>\n</main>");
    }
}
