using System.Text;
using TrayPop.Dataverse;

using TrayPop.Core.Lookup;

namespace TrayPop.Dataverse.Lookup;

/// <summary>
/// The per-table query that asks for the usual renderings of the number by equality. It rides in the same
/// <c>$batch</c> as the pattern query, so a record stored in a common format is found even when the pattern
/// query's candidates are cut off at <see cref="LookupOptions.MaxCandidates"/> in a table full of similar numbers.
/// </summary>
internal static class ExactQueryBuilder
{
    public static string Build(EntitySearch entity, IReadOnlyList<string> renderings, int top)
    {
        var filter = new StringBuilder("statecode eq 0 and (");
        var first = true;
        foreach (var column in entity.PhoneColumns)
        {
            foreach (var rendering in renderings)
            {
                filter.Append(first ? "" : " or ").Append(column).Append(" eq ").Append(ODataText.Literal(rendering));
                first = false;
            }
        }

        filter.Append(')');
        return $"{entity.EntitySet}?$select={LookupQueryBuilder.Select(entity)}&$filter={Uri.EscapeDataString(filter.ToString())}&$top={top}";
    }
}
