using DataverseEmulator.Filtering;
using DataverseEmulator.Querying;
using DataverseEmulator.Store.Indexing;

namespace DataverseEmulator.Store;

/// <summary>
/// Reads with a cost: a plan that seeks reads only the index entries in its ranges (counted as rows sought);
/// any other plan reads every row (counted as rows scanned). Leading-wildcard scans of tables above the scan
/// limit time out, as they do in Dataverse.
/// </summary>
internal sealed partial class EntityTable
{
    public QueryResult Query(FilterNode? filter)
    {
        lock (_gate)
        {
            RefreshKeys();
            var plan = QueryPlanner.Plan(filter, IsIndexed);
            return plan.IsScan ? ScanCore(filter, plan) : SeekCore(filter!, plan);
        }
    }

    /// <summary>One row by its id, counted as a seek of the primary key.</summary>
    public EntityRecord? Retrieve(Guid id)
    {
        lock (_gate)
        {
            var record = _byId.GetValueOrDefault(id);
            _context.Stats.AddSeeked(record is null ? 0 : 1);
            return record;
        }
    }

    /// <summary>One row by an alternate key's values, counted as a seek of that key's index.</summary>
    public EntityRecord? Retrieve(AlternateKey key, IReadOnlyList<string> values)
    {
        lock (_gate)
        {
            var record = RowsWithKey(key, values).FirstOrDefault();
            _context.Stats.AddSeeked(record is null ? 0 : 1);
            return record;
        }
    }

    private bool IsIndexed(string column) =>
        column == Definition.KeyColumn || _keys.Exists(k => k.Status == KeyIndexStatus.Active && k.FirstAttribute == column);

    private QueryResult ScanCore(FilterNode? filter, AccessPlan plan)
    {
        if (_byId.Count > _context.ScanLimit && LeadingWildcards.Any(filter))
        {
            return QueryResult.Timeout(plan);
        }

        _context.Stats.AddScanned(_byId.Count);
        var rows = new List<EntityRecord>();
        foreach (var record in Rows())
        {
            if (filter is null || filter.Evaluate(record))
            {
                rows.Add(record);
            }
        }

        return new QueryResult(rows, plan, TimedOut: false);
    }

    private QueryResult SeekCore(FilterNode filter, AccessPlan plan)
    {
        var visited = 0L;
        var found = new Dictionary<Guid, EntityRecord>();
        foreach (var seek in plan.Seeks!)
        {
            foreach (var record in Seek(seek))
            {
                visited++;
                if (!found.ContainsKey(record.Id) && filter.Evaluate(record))
                {
                    found[record.Id] = record;
                }
            }
        }

        _context.Stats.AddSeeked(visited);
        var rows = found.Values.ToList();
        rows.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return new QueryResult(rows, plan, TimedOut: false);
    }

    /// <summary>The rows in one index range: the primary key's, or the first active key on the column.</summary>
    private IEnumerable<EntityRecord> Seek(IndexSeek seek)
    {
        if (seek.Column == Definition.KeyColumn)
        {
            return seek.Kind == SeekKind.Equal ? SeekId(seek.Value) : SeekIdPrefix(seek.Value);
        }

        var key = _keys.Find(k => k.Status == KeyIndexStatus.Active && k.FirstAttribute == seek.Column);
        return key?.Index is { } index ? SeekText(index, seek) : [];
    }

    private IEnumerable<EntityRecord> SeekId(string value)
    {
        if (Guid.TryParse(value, out var id) && _byId.TryGetValue(id, out var record))
        {
            yield return record;
        }
    }

    private IEnumerable<EntityRecord> SeekIdPrefix(string prefix)
    {
        if (GuidTextOrder.LowestWithPrefix(prefix) is not { } lowest)
        {
            yield break;
        }

        foreach (var (id, _) in _primary.From(lowest))
        {
            if (!id.ToString("D").StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                yield break;
            }

            yield return _byId[id];
        }
    }

    private IEnumerable<EntityRecord> SeekText(SortedIndex<string> index, IndexSeek seek)
    {
        foreach (var (text, id) in index.From(seek.Value))
        {
            var inRange = seek.Kind == SeekKind.Equal
                ? text.Equals(seek.Value, StringComparison.OrdinalIgnoreCase)
                : text.StartsWith(seek.Value, StringComparison.OrdinalIgnoreCase);
            if (!inRange)
            {
                yield break;
            }

            yield return _byId[id];
        }
    }
}
