using DataverseEmulator.Store;
using DataverseEmulator.Values;

namespace DataverseEmulator.Pages;

/// <summary>The record form: name, entity, id and every phone column, then the record's other columns.</summary>
internal static class RecordPage
{
    public static HtmlPage Build(EntityDefinition entity, EntityRecord record, string? app)
    {
        var name = entity.PrimaryNameColumn is { } nameColumn ? CellValues.ToText(record.Get(nameColumn)) : null;
        var page = new HtmlPage($"{entity.DisplayName}: {name} - Dataverse emulator")
            .Raw("<main id=\"form\" data-formtype=\"existing\">")
            .Heading("recordname", name ?? record.Id.ToString("D"))
            .Raw($"<p>Entity: <span id=\"entity\">{HtmlPage.Encode(entity.LogicalName)}</span> &middot; Id: <span id=\"recordid\">{record.Id:D}</span>" +
                 (app is null ? string.Empty : $" &middot; App: <span id=\"app\">{HtmlPage.Encode(app)}</span>") + "</p>")
            .Raw("<table>");

        var shown = new List<string>();
        if (entity.PrimaryNameColumn is { } primary)
        {
            shown.Add(primary);
        }

        shown.AddRange(entity.PhoneColumns);
        shown.AddRange(record.Columns().Select(p => p.Column).Where(k => !shown.Contains(k) && k != "versionnumber" && !k.Contains('@', StringComparison.Ordinal)));
        foreach (var column in shown)
        {
            page.Field(column, ColumnLabels.For(entity.LogicalName, column), CellValues.ToText(record.Get(column)));
        }

        return page.Raw("</table>\n</main>");
    }
}
