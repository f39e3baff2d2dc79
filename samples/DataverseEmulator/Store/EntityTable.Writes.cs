using System.Globalization;
using System.Text.Json.Nodes;
using DataverseEmulator.Seeding;
using DataverseEmulator.Values;

namespace DataverseEmulator.Store;

/// <summary>
/// Creates, upserts and deletes with Dataverse's rules: defaults for state and status, createdon/modifiedon,
/// a new row version per change, conditional headers, and uniqueness of active alternate keys.
/// </summary>
internal sealed partial class EntityTable
{
    private const string CreatedOn = "createdon";
    private const string ModifiedOn = "modifiedon";
    private const int MaxPooledLength = 64;
    private readonly Dictionary<string, StringPool> _pools = new(StringComparer.Ordinal);
    private string? _stamp;
    private long _stampSecond;

    /// <param name="stamp">Whether to set createdon and modifiedon (rows made by the Web API, not rows made alongside one).</param>
    public WriteResult Create(JsonObject values, bool stamp = true)
    {
        lock (_gate)
        {
            RefreshKeys();
            var id = values[Definition.KeyColumn] is JsonValue key && Guid.TryParse(key.ToString(), out var given) ? given : Guid.NewGuid();
            return _byId.ContainsKey(id) ? new WriteResult(WriteStatus.DuplicateId, null) : Insert(NewRecord(id, values, stamp));
        }
    }

    /// <summary>PATCH to a record URL: update when the row exists, create it otherwise; If-Match and If-None-Match narrow that.</summary>
    public WriteResult Upsert(RecordAddress address, JsonObject values, string? ifMatch, string? ifNoneMatch)
    {
        lock (_gate)
        {
            RefreshKeys();
            var existing = FindCore(address);
            if (existing is null)
            {
                // If-Match (any value) turns an upsert into update-only.
                if (ifMatch is not null)
                {
                    return new WriteResult(WriteStatus.NotFound, null);
                }

                if (address.Key is { } key)
                {
                    for (var i = 0; i < key.KeyAttributes.Count; i++)
                    {
                        values[key.KeyAttributes[i]] = address.KeyValues![i];
                    }
                }

                var id = address.Id ?? (values[Definition.KeyColumn] is JsonValue v && Guid.TryParse(v.ToString(), out var given) ? given : Guid.NewGuid());
                return _byId.ContainsKey(id) ? new WriteResult(WriteStatus.DuplicateId, null) : Insert(NewRecord(id, values, stamp: true));
            }

            if (ifNoneMatch == "*")
            {
                return new WriteResult(WriteStatus.Exists, existing);
            }

            if (ifMatch is not null && ifMatch != "*" && ifMatch != existing.ETag)
            {
                return new WriteResult(WriteStatus.VersionMismatch, existing);
            }

            var changes = values
                .Where(p => p.Key != Definition.KeyColumn)
                .Select(p => KeyValuePair.Create(p.Key, Cell(p.Key, p.Value)))
                .Append(KeyValuePair.Create<string, object?>(ModifiedOn, Now()))
                .ToList();
            var updated = existing.With(LayoutFor(changes.Select(c => c.Key)), changes, _context.NextVersion());
            if (KeyConflict(updated) is { } conflict)
            {
                return new WriteResult(WriteStatus.KeyConflict, null, conflict.Key, conflict.Values);
            }

            ReplaceCore(updated);
            return new WriteResult(WriteStatus.Updated, updated);
        }
    }

    public WriteResult Delete(RecordAddress address)
    {
        lock (_gate)
        {
            RefreshKeys();
            if (FindCore(address) is not { } existing)
            {
                return new WriteResult(WriteStatus.NotFound, null);
            }

            RemoveCore(existing.Id, _context.NextVersion());
            return new WriteResult(WriteStatus.Deleted, existing);
        }
    }

    private EntityRecord? FindCore(RecordAddress address) => address.Id is { } id
        ? _byId.GetValueOrDefault(id)
        : RowsWithKey(address.Key!, address.KeyValues!).FirstOrDefault();

    private WriteResult Insert(EntityRecord record)
    {
        if (KeyConflict(record) is { } conflict)
        {
            return new WriteResult(WriteStatus.KeyConflict, null, conflict.Key, conflict.Values);
        }

        AddCore(record);
        return new WriteResult(WriteStatus.Created, record);
    }

    private EntityRecord NewRecord(Guid id, JsonObject values, bool stamp)
    {
        var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (name != Definition.KeyColumn && name != "versionnumber")
            {
                cells[name] = Cell(name, value);
            }
        }

        // The request may leave the state out; Dataverse rows always have one, and 0 is Active.
        if (Definition.Columns.Contains("statecode"))
        {
            var state = cells.GetValueOrDefault("statecode") ?? CellValues.Box(0);
            cells["statecode"] = state;
            cells["statuscode"] = cells.GetValueOrDefault("statuscode") ?? CellValues.Box(state is 0 ? 1 : 2);
        }

        if (stamp)
        {
            var now = Now();
            cells[CreatedOn] = cells.GetValueOrDefault(CreatedOn) ?? now;
            cells[ModifiedOn] = now;
        }

        var layout = LayoutFor(cells.Keys);
        var row = new object?[layout.Count];
        foreach (var (name, value) in cells)
        {
            layout.TryGetOrdinal(name, out var ordinal);
            row[ordinal] = value;
        }

        return new EntityRecord(id, layout, row, _context.NextVersion());
    }

    /// <summary>The time as Dataverse writes createdon/modifiedon; rows written in the same second share one string.</summary>
    private string Now()
    {
        var now = _context.TimeProvider.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        if (_stampSecond != second || _stamp is null)
        {
            _stamp = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            _stampSecond = second;
        }

        return _stamp;
    }

    /// <summary>A written value, with short texts shared per column as a seed's are (entity names, column names, flags).</summary>
    private object? Cell(string column, JsonNode? value)
    {
        var cell = CellValues.FromJson(value);
        if (cell is not string { Length: <= MaxPooledLength } text)
        {
            return cell;
        }

        if (!_pools.TryGetValue(column, out var pool))
        {
            pool = new StringPool();
            _pools[column] = pool;
        }

        return pool.Intern(text);
    }
}
