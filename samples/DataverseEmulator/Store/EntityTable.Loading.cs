using DataverseEmulator.Seeding;
using DataverseEmulator.Store.Indexing;
using DataverseEmulator.Values;

namespace DataverseEmulator.Store;

/// <summary>Loading a seed: every row, the primary index and the change log built in one pass.</summary>
internal sealed partial class EntityTable
{
    /// <summary>Stores a seed's records in one pass: rows, primary index and change log built in bulk.</summary>
    public void Load(SeedSet seed)
    {
        lock (_gate)
        {
            var defaults = new List<string>();
            if (Definition.Columns.Contains("statecode"))
            {
                defaults.AddRange(["statecode", "statuscode"]);
            }

            _layout = seed.Layout.With([Definition.KeyColumn, .. defaults]);
            ReconcileColumns(_layout.Names);
            _layout.TryGetOrdinal("statecode", out var stateOrdinal);
            _layout.TryGetOrdinal("statuscode", out var statusOrdinal);

            var count = seed.Rows.Count;
            _slots.EnsureCapacity(_slots.Count + count);
            _byId.EnsureCapacity(_byId.Count + count);
            _changes.EnsureCapacity(_changes.Count + count);
            foreach (var row in seed.Rows)
            {
                var cells = row.Cells;
                if (defaults.Count > 0 && (Cell(cells, statusOrdinal) is null || Cell(cells, stateOrdinal) is null))
                {
                    // Dataverse rows always have a state; 0 is Active, whose default status is 1 (else 2).
                    cells = new object?[Math.Max(cells.Length, Math.Max(stateOrdinal, statusOrdinal) + 1)];
                    Array.Copy(row.Cells, cells, row.Cells.Length);
                    cells[stateOrdinal] ??= CellValues.Box(0);
                    cells[statusOrdinal] ??= CellValues.Box(cells[stateOrdinal] is 0 ? 1 : 2);
                }

                var record = new EntityRecord(row.Id ?? Guid.NewGuid(), _layout, cells, _context.NextVersion()) { Sequence = _slots.Count };
                if (!_byId.TryAdd(record.Id, record))
                {
                    continue;
                }

                _slots.Add(record);
                _changes.Stored(record.Id, record.Version);
            }

            _primary.LoadSorted(GuidTextOrder.Sort(_byId.Keys));
        }
    }

    private static object? Cell(object?[] cells, int ordinal) => ordinal < cells.Length ? cells[ordinal] : null;
}
