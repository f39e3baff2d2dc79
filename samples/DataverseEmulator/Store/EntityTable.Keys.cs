using System.Text.Json.Nodes;
using DataverseEmulator.Store.Indexing;

namespace DataverseEmulator.Store;

/// <summary>Alternate keys: their definitions, the job that builds each index, and the indexes themselves.</summary>
internal sealed partial class EntityTable
{
    /// <summary>A table can have up to ten alternate keys.</summary>
    public const int MaxKeys = 10;

    private readonly List<AlternateKey> _keys = [];

    /// <summary>The table's alternate keys, their index status brought up to date with the clock.</summary>
    public IReadOnlyList<AlternateKey> Keys
    {
        get
        {
            lock (_gate)
            {
                RefreshKeys();
                return [.. _keys];
            }
        }
    }

    /// <summary>Defines a key; its index is built by a job that runs <see cref="StoreContext.KeyIndexDelay"/> pending, then as long in progress.</summary>
    public AlternateKey AddKey(string schemaName, IReadOnlyList<string> attributes, JsonNode? displayName) =>
        TryAddKey(schemaName, attributes, displayName, out var key) == KeyRefusal.None ? key! : throw new InvalidOperationException($"The key {schemaName} cannot be added.");

    /// <summary>Defines a key unless one has its name or its columns (checked under the lock, so two setups cannot both add it).</summary>
    public KeyRefusal TryAddKey(string schemaName, IReadOnlyList<string> attributes, JsonNode? displayName, out AlternateKey? key)
    {
        lock (_gate)
        {
            key = null;
            if (_keys.Exists(k => k.LogicalName.Equals(schemaName, StringComparison.OrdinalIgnoreCase)))
            {
                return KeyRefusal.NameExists;
            }

            if (_keys.Exists(k => k.Matches(attributes)))
            {
                return KeyRefusal.AttributesExist;
            }

            if (_keys.Count >= MaxKeys)
            {
                return KeyRefusal.TooMany;
            }

            key = new AlternateKey(Guid.NewGuid(), schemaName, attributes, displayName, _context.TimeProvider.GetUtcNow());
            _keys.Add(key);
            RefreshKeys();
            return KeyRefusal.None;
        }
    }

    /// <summary>The active key whose columns are exactly <paramref name="attributes"/>, if any.</summary>
    public AlternateKey? ActiveKeyFor(IReadOnlyCollection<string> attributes)
    {
        lock (_gate)
        {
            RefreshKeys();
            return _keys.Find(k => k.Status == KeyIndexStatus.Active && k.Matches(attributes));
        }
    }

    /// <summary>Moves each key's index job on by the clock: Pending, then InProgress, then Active (or Failed on duplicates).</summary>
    private void RefreshKeys()
    {
        if (_keys.Count == 0)
        {
            return;
        }

        var now = _context.TimeProvider.GetUtcNow();
        var delay = _context.KeyIndexDelay;
        foreach (var key in _keys)
        {
            if (key.Status is KeyIndexStatus.Active or KeyIndexStatus.Failed)
            {
                continue;
            }

            var elapsed = now - key.CreatedOn;
            if (elapsed >= delay + delay)
            {
                Activate(key);
            }
            else if (elapsed >= delay)
            {
                key.Status = KeyIndexStatus.InProgress;
            }
        }
    }

    /// <summary>Builds the unique index over the rows there are now; rows sharing key values make it fail, as SQL's CREATE UNIQUE INDEX does.</summary>
    private void Activate(AlternateKey key)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<(string, Guid)>();
        foreach (var record in Rows())
        {
            if (key.ValuesOf(record) is not { } values)
            {
                continue;
            }

            if (!seen.Add(string.Join('\u0001', values)))
            {
                key.Status = KeyIndexStatus.Failed;
                return;
            }

            entries.Add((values[0], record.Id));
        }

        var index = new SortedIndex<string>(StringComparer.OrdinalIgnoreCase);
        index.Load(entries);
        key.Index = index;
        key.Status = KeyIndexStatus.Active;
    }

    private void Index(EntityRecord record)
    {
        foreach (var key in _keys)
        {
            if (key.Index is { } index && key.ValuesOf(record) is { } values)
            {
                index.Add(values[0], record.Id);
            }
        }
    }

    private void Unindex(EntityRecord record)
    {
        foreach (var key in _keys)
        {
            if (key.Index is { } index && key.ValuesOf(record) is { } values)
            {
                index.Remove(values[0], record.Id);
            }
        }
    }

    /// <summary>Rows whose values for <paramref name="key"/> equal <paramref name="values"/>, found through its index.</summary>
    private IEnumerable<EntityRecord> RowsWithKey(AlternateKey key, IReadOnlyList<string> values)
    {
        if (key.Index is not { } index)
        {
            yield break;
        }

        foreach (var (text, id) in index.From(values[0]))
        {
            if (!text.Equals(values[0], StringComparison.OrdinalIgnoreCase))
            {
                yield break;
            }

            if (_byId.TryGetValue(id, out var record) && key.ValuesOf(record) is { } found &&
                found.Zip(values).All(p => p.First.Equals(p.Second, StringComparison.OrdinalIgnoreCase)))
            {
                yield return record;
            }
        }
    }

    /// <summary>An active key that <paramref name="record"/> would share with another row, if any.</summary>
    private (AlternateKey Key, string[] Values)? KeyConflict(EntityRecord record)
    {
        foreach (var key in _keys)
        {
            if (key.Status == KeyIndexStatus.Active && key.ValuesOf(record) is { } values &&
                RowsWithKey(key, values).Any(other => other.Id != record.Id))
            {
                return (key, values);
            }
        }

        return null;
    }
}
