using DataverseEmulator.Filtering;
using DataverseEmulator.Store;

namespace DataverseEmulator.Pages;

/// <summary>The global search page: records of contacts, accounts and leads that contain the text, phones compared by digits.</summary>
internal static class SearchPage
{
    private static readonly string[] SearchedSets = ["contacts", "accounts", "leads"];

    public static HtmlPage Build(EntityStore store, string searchText)
    {
        // Dynamics users type '*' as a wildcard; substring search makes it redundant.
        var text = searchText.Replace("*", string.Empty, StringComparison.Ordinal).Trim();
        var results = new List<(EntityDefinition Entity, EntityRecord Record)>();
        foreach (var set in SearchedSets)
        {
            if (store.FindBySet(set) is not { } table)
            {
                continue;
            }

            results.AddRange(table.Snapshot().Where(r => Matches(table.Definition, r, text)).Select(r => (table.Definition, r)));
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

    private static bool Matches(EntityDefinition entity, EntityRecord record, string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var (column, cell) in record.Columns())
        {
            if (column == entity.KeyColumn || column.StartsWith('_') || FilterValueComparer.AsText(cell) is not { } value)
            {
                continue;
            }

            if (value.Contains(text, StringComparison.OrdinalIgnoreCase) ||
                (entity.PhoneColumns.Contains(column) && PhoneDigits.Matches(value, text)))
            {
                return true;
            }
        }

        return false;
    }
}
