using DataverseEmulator.Store.Transactions;

namespace DataverseEmulator.Store;

/// <summary>Undoing the writes of a change set that failed, indexes included.</summary>
internal sealed partial class EntityTable
{
    /// <summary>Puts back what one write of a rolled-back change set did.</summary>
    public void Undo(UndoStep step)
    {
        lock (_gate)
        {
            var record = step.Record;
            switch (step.Kind)
            {
                case UndoKind.Added:
                    if (_byId.Remove(record.Id, out var added))
                    {
                        _slots[added.Sequence] = null;
                        _primary.Remove(record.Id, record.Id);
                        Unindex(added);
                    }

                    break;
                case UndoKind.Replaced:
                    if (_byId.TryGetValue(record.Id, out var current))
                    {
                        Unindex(current);
                        _byId[record.Id] = record;
                        _slots[record.Sequence] = record;
                        Index(record);
                    }

                    break;
                case UndoKind.Removed:
                    _byId[record.Id] = record;
                    _slots[record.Sequence] = record;
                    _primary.Add(record.Id, record.Id);
                    Index(record);
                    _changes.Undelete(record.Id, step.PreviousDeletion);
                    break;
            }
        }
    }
}
