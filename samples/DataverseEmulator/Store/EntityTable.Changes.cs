using DataverseEmulator.Store.Tracking;

namespace DataverseEmulator.Store;

/// <summary>
/// Change tracking over the change log: a full read returns every row as of one version; a delta returns the rows
/// stored since the token's version (new or changed, in version order), then the rows deleted since.
/// </summary>
internal sealed partial class EntityTable
{
    /// <summary>The version a first change-tracking page covers up to; read under the lock so no write to this table is half done.</summary>
    public long CurrentVersion
    {
        get
        {
            lock (_gate)
            {
                return _context.CurrentVersion;
            }
        }
    }

    public ChangePage ReadChanges(ChangeCursor cursor, int pageSize)
    {
        lock (_gate)
        {
            if (cursor.Snapshot == 0)
            {
                cursor = cursor with { Snapshot = _context.CurrentVersion };
            }

            var rows = new List<EntityRecord>();
            var deleted = new List<Guid>();
            var visited = 0L;
            var position = cursor;
            if (!cursor.DeletedPhase)
            {
                for (var i = _changes.FirstAfter(Math.Max(cursor.Since, cursor.After)); i < _changes.Count; i++)
                {
                    var entry = _changes[i];
                    if (entry.Version > cursor.Snapshot)
                    {
                        break;
                    }

                    visited++;
                    if (!entry.Deleted && _byId.TryGetValue(entry.Id, out var record) && record.Version == entry.Version)
                    {
                        if (rows.Count == pageSize)
                        {
                            _context.Stats.AddSeeked(visited - 1);
                            return new ChangePage(rows, deleted, cursor, position);
                        }

                        rows.Add(record);
                        position = position with { After = entry.Version };
                    }
                }

                if (!cursor.IsDelta)
                {
                    _context.Stats.AddSeeked(visited);
                    return new ChangePage(rows, deleted, cursor, null);
                }

                position = position with { After = 0, DeletedPhase = true };
            }

            for (var i = _changes.FirstAfter(Math.Max(cursor.Since, position.After)); i < _changes.Count; i++)
            {
                var entry = _changes[i];
                if (entry.Version > cursor.Snapshot)
                {
                    break;
                }

                visited++;
                if (_changes.IsLatestDeletion(entry) && !_byId.ContainsKey(entry.Id))
                {
                    if (rows.Count + deleted.Count == pageSize)
                    {
                        _context.Stats.AddSeeked(visited - 1);
                        return new ChangePage(rows, deleted, cursor, position);
                    }

                    deleted.Add(entry.Id);
                    position = position with { After = entry.Version };
                }
            }

            _context.Stats.AddSeeked(visited);
            return new ChangePage(rows, deleted, cursor, null);
        }
    }
}
