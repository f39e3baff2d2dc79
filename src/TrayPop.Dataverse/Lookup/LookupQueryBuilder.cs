using System.Text;
using TrayPop.Dataverse;

using TrayPop.Core.Lookup;

namespace TrayPop.Dataverse.Lookup;

/// <summary>Builds the per-table Web API query that fetches the candidates for a pattern.</summary>
internal static class LookupQueryBuilder
{
    public static string Build(EntitySearch entity, string pattern, int top)
    {
        var literal = ODataText.Literal(pattern);
        var filter = new StringBuilder("statecode eq 0 and (");
        for (var i = 0; i < entity.PhoneColumns.Count; i++)
        {
            if (i > 0)
            {
                filter.Append(" or ");
            }

            filter.Append("contains(").Append(entity.PhoneColumns[i]).Append(',').Append(literal).Append(')');
        }

        filter.Append(')');
        return $"{entity.EntitySet}?$select={Select(entity)}&$filter={Uri.EscapeDataString(filter.ToString())}&$top={top}";
    }

    /// <summary>The key, the name and every phone column: what confirming a candidate needs.</summary>
    public static string Select(EntitySearch entity) =>
        string.Join(',', entity.PhoneColumns.Prepend(entity.NameColumn).Prepend(entity.KeyColumn).Distinct(StringComparer.Ordinal));
}
