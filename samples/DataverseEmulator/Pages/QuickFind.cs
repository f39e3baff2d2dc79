using DataverseEmulator.Filtering;
using DataverseEmulator.Store;
using DataverseEmulator.Values;

namespace DataverseEmulator.Pages;

/// <summary>
/// What a view's search box (Quick Find) finds, as Dynamics does it: active records whose name, e-mail or phone columns
/// begin with the text as typed (case-insensitive; <c>*</c> is a wildcard, so <c>*0100</c> finds it anywhere). A phone
/// number is compared as stored: <c>+12065550100</c> does not find <c>(206) 555-0100</c>, the text <c>(206) 555-0100</c> does.
/// </summary>
internal static class QuickFind
{
    private static readonly string[] FindColumns = ["firstname", "lastname", "emailaddress1", "companyname", "accountnumber"];

    public static Func<EntityRecord, bool>? For(EntityDefinition entity, string text)
    {
        var typed = text.Trim();
        if (typed.Length == 0)
        {
            return null;
        }

        // Quick Find turns the text into a LIKE condition 'text%' on each find column, '*' standing for '%'.
        var pattern = new LikePattern(typed.Replace('*', '%') + "%");
        var columns = FindColumns.Where(entity.Columns.Contains)
            .Concat(entity.PhoneColumns)
            .Prepend(entity.PrimaryNameColumn)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return record => IsActive(record) && columns.Any(column => FilterValueComparer.AsText(record.Get(column)) is { } value && pattern.IsMatch(value));
    }

    private static bool IsActive(EntityRecord record) => CellValues.ToText(record.Get("statecode")) is null or "" or "0";
}
