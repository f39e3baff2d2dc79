using System.Text.Json.Nodes;

namespace DataverseEmulator.Store;

/// <summary>The rows of one table, in seed order. Reads take a snapshot so queries never see a half-applied write.</summary>
internal sealed class EntityTable(EntityDefinition definition)
{
    private readonly Lock _gate = new();
    private readonly List<EntityRecord> _rows = [];
    private readonly Dictionary<Guid, EntityRecord> _byId = [];
    private readonly List<(Guid Id, long Version)> _deleted = [];

    public EntityDefinition Definition { get; private set; } = definition;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    public IReadOnlyList<EntityRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _rows];
        }
    }

    public EntityRecord? Find(Guid id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>Adds a row; false when the key is taken (Dataverse answers a duplicate key with 412).</summary>
    public bool TryAdd(EntityRecord record)
    {
        lock (_gate)
        {
            if (!_byId.TryAdd(record.Id, record))
            {
                return false;
            }

            _rows.Add(record);
            AddUnknownColumns(record.Values);
            return true;
        }
    }

    /// <summary>Removes a row, remembering the deletion at <paramref name="version"/> for change tracking.</summary>
    public bool Remove(Guid id, long version)
    {
        lock (_gate)
        {
            if (!_byId.Remove(id, out var record))
            {
                return false;
            }

            _rows.Remove(record);
            _deleted.Add((id, version));
            return true;
        }
    }

    /// <summary>Rows deleted after <paramref name="version"/> and not stored again since.</summary>
    public IReadOnlyList<Guid> DeletedSince(long version)
    {
        lock (_gate)
        {
            return [.. _deleted.Where(d => d.Version > version && !_byId.ContainsKey(d.Id)).Select(d => d.Id).Distinct()];
        }
    }

    /// <summary>Swaps a stored row for its new version; false when the row is gone.</summary>
    public bool Replace(EntityRecord updated)
    {
        lock (_gate)
        {
            if (!_byId.ContainsKey(updated.Id))
            {
                return false;
            }

            _rows[_rows.FindIndex(r => r.Id == updated.Id)] = updated;
            _byId[updated.Id] = updated;
            AddUnknownColumns(updated.Values);
            return true;
        }
    }

    /// <summary>The table's rows and deletions as they are now, to put back with <see cref="Restore"/>.</summary>
    public TableState Capture()
    {
        lock (_gate)
        {
            return new TableState([.. _rows], [.. _deleted]);
        }
    }

    public void Restore(TableState captured)
    {
        var (rows, deleted) = captured;
        lock (_gate)
        {
            _rows.Clear();
            _rows.AddRange(rows);
            _byId.Clear();
            foreach (var row in rows)
            {
                _byId[row.Id] = row;
            }

            _deleted.Clear();
            _deleted.AddRange(deleted);
        }
    }

    /// <summary>Runs a read-modify-write under the table's lock, so two writers never interleave.</summary>
    public T Update<T>(Func<T> change)
    {
        lock (_gate)
        {
            return change();
        }
    }

    private void AddUnknownColumns(JsonObject values)
    {
        var extra = values.Select(p => p.Key).Where(k => !k.Contains('@', StringComparison.Ordinal) && !Definition.Columns.Contains(k)).ToArray();
        if (extra.Length > 0)
        {
            Definition = Definition with { Columns = [.. Definition.Columns, .. extra] };
        }
    }
}
