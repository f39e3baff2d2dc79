using DataverseEmulator.Filtering;
using DataverseEmulator.Store;
using DataverseEmulator.Values;

namespace DataverseEmulator.WebApi;

/// <summary>Sorts rows by $orderby; nulls first in ascending order, as SQL Server sorts them.</summary>
internal sealed class RecordOrderComparer(IReadOnlyList<OrderByClause> clauses) : IComparer<EntityRecord>
{
    public int Compare(EntityRecord? x, EntityRecord? y)
    {
        if (x is null || y is null)
        {
            return (x is null).CompareTo(y is null);
        }

        foreach (var clause in clauses)
        {
            var a = x.Get(clause.Column);
            var b = y.Get(clause.Column);
            var order = (a, b) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                _ => FilterValueComparer.Compare(a, b) ?? string.CompareOrdinal(CellValues.ToText(a), CellValues.ToText(b)),
            };
            if (order != 0)
            {
                return clause.Descending ? -order : order;
            }
        }

        return 0;
    }
}
