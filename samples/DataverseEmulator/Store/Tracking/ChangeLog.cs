namespace DataverseEmulator.Store.Tracking;

/// <summary>
/// A table's changes in row-version order, what Dataverse keeps for change tracking. An entry is current while it
/// is the row's latest change; older entries stay and are skipped. Not thread-safe: the table's lock guards it.
/// </summary>
internal sealed class ChangeLog
{
    private readonly List<ChangeEntry> _entries = [];
    private readonly Dictionary<Guid, long> _deletedAt = [];

    public int Count => _entries.Count;

    public ChangeEntry this[int index] => _entries[index];

    public void Stored(Guid id, long version) => Append(new ChangeEntry(version, id, Deleted: false));

    /// <returns>The version of the row's previous deletion, if any, so an undo can put it back.</returns>
    public long? Deleted(Guid id, long version)
    {
        long? previous = _deletedAt.TryGetValue(id, out var at) ? at : null;
        _deletedAt[id] = version;
        Append(new ChangeEntry(version, id, Deleted: true));
        return previous;
    }

    /// <summary>Forgets a deletion that was undone, restoring the one before it.</summary>
    public void Undelete(Guid id, long? previous)
    {
        if (previous is { } version)
        {
            _deletedAt[id] = version;
        }
        else
        {
            _deletedAt.Remove(id);
        }
    }

    public bool IsLatestDeletion(ChangeEntry entry) =>
        entry.Deleted && _deletedAt.TryGetValue(entry.Id, out var at) && at == entry.Version;

    /// <summary>Index of the first entry with a version above <paramref name="version"/>.</summary>
    public int FirstAfter(long version)
    {
        int lo = 0, hi = _entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_entries[mid].Version <= version)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public void EnsureCapacity(int capacity) => _entries.EnsureCapacity(capacity);

    private void Append(ChangeEntry entry)
    {
        // Versions are handed out under the table's lock, so they arrive in order; keep the order if one does not.
        if (_entries.Count == 0 || _entries[^1].Version <= entry.Version)
        {
            _entries.Add(entry);
            return;
        }

        _entries.Insert(FirstAfter(entry.Version), entry);
    }
}
