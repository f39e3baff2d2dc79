using DataverseEmulator.Metadata;
using DataverseEmulator.Store.Indexing;
using DataverseEmulator.Store.Tracking;
using DataverseEmulator.Store.Transactions;

namespace DataverseEmulator.Store;

/// <summary>
/// The rows of one table in insertion order, with the indexes Dataverse would have: the primary key (a hash for
/// lookups and a sorted index for ranges) and the alternate keys once active. Every read and write takes the
/// table's lock, so a query never sees a half-applied write.
/// </summary>
internal sealed partial class EntityTable
{
    private readonly Lock _gate = new();
    private readonly StoreContext _context;
    private readonly List<EntityRecord?> _slots = [];
    private readonly Dictionary<Guid, EntityRecord> _byId = [];
    private readonly SortedIndex<Guid> _primary = new(GuidTextOrder.Instance);
    private readonly ChangeLog _changes = new();
    private ColumnLayout _layout;

    public EntityTable(EntityDefinition definition)
        : this(definition, new StoreContext(), TableMetadata.For(definition))
    {
    }

    public EntityTable(EntityDefinition definition, StoreContext context, TableMetadata metadata)
    {
        Definition = definition;
        Metadata = metadata;
        _context = context;
        _layout = ColumnLayout.Create([definition.KeyColumn], definition.KeyColumn);
    }

    public EntityDefinition Definition { get; private set; }

    public TableMetadata Metadata { get; private set; }

    public StoreContext Context => _context;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Every row in insertion order; a copy, so the caller may read it without the lock.</summary>
    public IReadOnlyList<EntityRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. Rows()];
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
            return AddCore(record);
        }
    }

    /// <summary>Removes a row, remembering the deletion at <paramref name="version"/> for change tracking.</summary>
    public bool Remove(Guid id, long version)
    {
        lock (_gate)
        {
            return RemoveCore(id, version);
        }
    }

    /// <summary>Swaps a stored row for its new version; false when the row is gone.</summary>
    public bool Replace(EntityRecord updated)
    {
        lock (_gate)
        {
            return ReplaceCore(updated);
        }
    }

    /// <summary>Rows deleted after <paramref name="version"/> and not stored again since.</summary>
    public IReadOnlyList<Guid> DeletedSince(long version)
    {
        lock (_gate)
        {
            var ids = new List<Guid>();
            for (var i = _changes.FirstAfter(version); i < _changes.Count; i++)
            {
                var entry = _changes[i];
                if (entry.Deleted && !_byId.ContainsKey(entry.Id) && !ids.Contains(entry.Id))
                {
                    ids.Add(entry.Id);
                }
            }

            return ids;
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

    /// <summary>Adds a column made through the metadata endpoints; false when the table has one by that name.</summary>
    public bool TryAddColumn(ColumnMetadata column)
    {
        lock (_gate)
        {
            if (Definition.Columns.Contains(column.LogicalName))
            {
                return false;
            }

            Definition = Definition with { Columns = [.. Definition.Columns, column.LogicalName] };
            Metadata = Metadata with { ColumnDetails = new Dictionary<string, ColumnMetadata>(Metadata.ColumnDetails) { [column.LogicalName] = column } };
            return true;
        }
    }

    private IEnumerable<EntityRecord> Rows()
    {
        foreach (var record in _slots)
        {
            if (record is not null)
            {
                yield return record;
            }
        }
    }

    private bool AddCore(EntityRecord record)
    {
        if (!_byId.TryAdd(record.Id, record))
        {
            return false;
        }

        record.Sequence = _slots.Count;
        _slots.Add(record);
        _primary.Add(record.Id, record.Id);
        Index(record);
        _changes.Stored(record.Id, record.Version);
        if (!record.Layout.SharesPositionsWith(_layout))
        {
            ReconcileColumns(record.Layout.Names);
        }

        StoreTransaction.Current?.Record(new UndoStep(this, UndoKind.Added, record, null));
        return true;
    }

    private bool ReplaceCore(EntityRecord updated)
    {
        if (!_byId.TryGetValue(updated.Id, out var old))
        {
            return false;
        }

        updated.Sequence = old.Sequence;
        Unindex(old);
        _byId[updated.Id] = updated;
        _slots[old.Sequence] = updated;
        Index(updated);
        _changes.Stored(updated.Id, updated.Version);
        if (!updated.Layout.SharesPositionsWith(_layout))
        {
            ReconcileColumns(updated.Layout.Names);
        }

        StoreTransaction.Current?.Record(new UndoStep(this, UndoKind.Replaced, old, null));
        return true;
    }

    private bool RemoveCore(Guid id, long version)
    {
        if (!_byId.Remove(id, out var record))
        {
            return false;
        }

        _slots[record.Sequence] = null;
        _primary.Remove(id, id);
        Unindex(record);
        var previous = _changes.Deleted(id, version);
        StoreTransaction.Current?.Record(new UndoStep(this, UndoKind.Removed, record, previous));
        return true;
    }

    /// <summary>Grows the layout for columns a write brings, and the definition for columns it did not know.</summary>
    private ColumnLayout LayoutFor(IEnumerable<string> columns)
    {
        var grown = _layout.With(columns);
        if (!ReferenceEquals(grown, _layout))
        {
            _layout = grown;
            ReconcileColumns(grown.Names);
        }

        return _layout;
    }

    private void ReconcileColumns(IEnumerable<string> names)
    {
        var extra = names.Where(k => !k.Contains('@', StringComparison.Ordinal) && !Definition.Columns.Contains(k)).ToArray();
        if (extra.Length > 0)
        {
            Definition = Definition with { Columns = [.. Definition.Columns, .. extra] };
        }
    }
}
