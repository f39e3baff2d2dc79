using System.Text.Json.Nodes;

namespace DataverseEmulator.Store;

/// <summary>All tables of the emulated organisation, created from the seed.</summary>
internal sealed class EntityStore
{
    private readonly Dictionary<string, EntityTable> _tables = new(StringComparer.Ordinal);
    private long _nextVersion = 1_000_001;

    public EntityStore(EmulatorSeed seed, TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
        foreach (var (setName, rows) in seed.Sets)
        {
            var columns = rows.SelectMany(r => r.Select(p => p.Key)).Where(k => !k.Contains('@', StringComparison.Ordinal)).Distinct();
            var table = new EntityTable(EntityCatalog.ForSeedSet(setName, columns));
            _tables[setName] = table;
            foreach (var row in rows)
            {
                table.TryAdd(CreateRecord(table.Definition, (JsonObject)row.DeepClone()));
            }
        }

        // Tables TrayPop may read or write even when the seed leaves them empty.
        foreach (var set in new[] { "contacts", "accounts", "leads", "phonecalls", "activityparties" })
        {
            if (!_tables.ContainsKey(set))
            {
                _tables[set] = new EntityTable(EntityCatalog.FindBySet(set)!);
            }
        }
    }

    public TimeProvider TimeProvider { get; }

    public IEnumerable<EntityTable> Tables => _tables.Values;

    /// <summary>Entity set names are case-sensitive in the Web API ("Contacts" is not found).</summary>
    public EntityTable? FindBySet(string setName) => _tables.GetValueOrDefault(setName);

    public EntityTable? FindByLogicalName(string logicalName) =>
        _tables.Values.FirstOrDefault(t => t.Definition.LogicalName.Equals(logicalName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A copy of every table, for a $batch change set to roll back to. Writes by other requests made
    /// meanwhile are rolled back too; the emulator has no real transactions, and tests do not need them.
    /// </summary>
    public IReadOnlyDictionary<EntityTable, TableState> Capture() => _tables.Values.ToDictionary(t => t, t => t.Capture());

    public static void Restore(IReadOnlyDictionary<EntityTable, TableState> captured)
    {
        foreach (var (table, state) in captured)
        {
            table.Restore(state);
        }
    }

    public long NextVersion() => Interlocked.Increment(ref _nextVersion);

    /// <summary>The newest row version handed out; every later change has a higher one.</summary>
    public long CurrentVersion => Interlocked.Read(ref _nextVersion);

    public EntityRecord CreateRecord(EntityDefinition definition, JsonObject values)
    {
        var id = values[definition.KeyColumn] is JsonValue key && Guid.TryParse(key.ToString(), out var parsed) ? parsed : Guid.NewGuid();
        values[definition.KeyColumn] = id.ToString("D");

        // The seed may leave the state out; Dataverse rows always have one, and 0 is Active.
        if (definition.Columns.Contains("statecode") && values["statecode"] is null)
        {
            values["statecode"] = 0;
        }

        if (definition.Columns.Contains("statuscode") && values["statuscode"] is null)
        {
            values["statuscode"] = values["statecode"]?.GetValue<int>() is 0 or null ? 1 : 2;
        }

        var version = NextVersion();
        values["versionnumber"] = version;
        return new EntityRecord(id, values, version);
    }
}
