using DataverseEmulator.Store;
using DataverseEmulator.Values;

namespace DataverseEmulator.Pages;

/// <summary>One record in a list: a link to its form, its table and its phone numbers.</summary>
internal static class ResultItem
{
    public static string Render(EntityDefinition entity, EntityRecord record)
    {
        var name = entity.PrimaryNameColumn is { } column ? CellValues.ToText(record.Get(column)) : null;
        var phones = entity.PhoneColumns.Select(c => CellValues.ToText(record.Get(c))).Where(p => !string.IsNullOrEmpty(p));
        var href = $"main.aspx?pagetype=entityrecord&etn={entity.LogicalName}&id={record.Id:D}";
        return $"<li class=\"result\" data-entity=\"{HtmlPage.Encode(entity.LogicalName)}\" data-id=\"{record.Id:D}\">" +
               $"<a href=\"{HtmlPage.Encode(href)}\">{HtmlPage.Encode(name ?? record.Id.ToString("D"))}</a> ({HtmlPage.Encode(entity.DisplayName)}) " +
               $"<span class=\"phones\">{HtmlPage.Encode(string.Join(", ", phones))}</span></li>";
    }
}
