using DataverseEmulator.Store;

namespace DataverseEmulator.Pages;

/// <summary>The "New Contact" form opened with <c>extraqs</c> values, as Unified Interface pre-fills a quick create.</summary>
internal static class NewRecordPage
{
    public static HtmlPage Build(EntityDefinition entity, string? extraqs, string? app)
    {
        var values = ParseExtraQs(extraqs);
        var page = new HtmlPage($"New {entity.DisplayName} - Dataverse emulator")
            .Raw("<main id=\"form\" data-formtype=\"new\">")
            .Heading("recordname", $"New {entity.DisplayName}")
            .Raw($"<p>Entity: <span id=\"entity\">{HtmlPage.Encode(entity.LogicalName)}</span> &middot; Id: <span id=\"recordid\"></span>" +
                 (app is null ? string.Empty : $" &middot; App: <span id=\"app\">{HtmlPage.Encode(app)}</span>") + "</p>")
            .Raw("<table>");
        foreach (var (column, value) in values)
        {
            page.Field(column, ColumnLabels.For(entity.LogicalName, column), value);
        }

        return page.Raw("</table>\n</main>");
    }

    /// <summary>
    /// extraqs arrives decoded once by the query string ("telephone1=+14255550100"); its own values may be
    /// encoded again ("telephone1=%2B1425…"). '+' stays a plus: it is data here, not a form-encoded space.
    /// </summary>
    internal static IReadOnlyList<(string Name, string Value)> ParseExtraQs(string? extraqs)
    {
        var values = new List<(string, string)>();
        foreach (var pair in (extraqs ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            values.Add((name, value));
        }

        return values;
    }
}
