using DataverseEmulator.Metadata;

namespace DataverseEmulator.Store;

/// <summary>All tables of the emulated organisation: those of the seed, the ones TrayPop always uses, and any made through the metadata endpoints.</summary>
internal sealed class EntityStore
{
    private readonly Lock _gate = new();
    private readonly List<EntityTable> _tables = [];
    private readonly Dictionary<string, EntityTable> _bySet = new(StringComparer.Ordinal);

    public EntityStore(EmulatorSeed seed, TimeProvider timeProvider)
        : this(seed, new StoreContext(timeProvider, EmulatorSettings.DefaultScanLimit, TimeSpan.Zero))
    {
    }

    public EntityStore(EmulatorSeed seed, StoreContext context)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Context = context;
        foreach (var set in seed.SetsInOrder)
        {
            var definition = EntityCatalog.ForSeedSet(set.SetName, set.Layout.Names.Where(n => !n.Contains('@', StringComparison.Ordinal)));
            var table = new EntityTable(definition, context, TableMetadata.For(definition));
            table.Load(set);
            Add(table);
        }

        // Tables TrayPop may read or write even when the seed leaves them empty.
        foreach (var set in new[] { "contacts", "accounts", "leads", "phonecalls", "activityparties", "appmodules" })
        {
            if (!_bySet.ContainsKey(set))
            {
                var definition = EntityCatalog.FindBySet(set)!;
                Add(new EntityTable(definition, context, TableMetadata.For(definition)));
            }
        }
    }

    public StoreContext Context { get; }

    public TimeProvider TimeProvider => Context.TimeProvider;

    public IReadOnlyList<EntityTable> Tables
    {
        get
        {
            lock (_gate)
            {
                return [.. _tables];
            }
        }
    }

    /// <summary>Entity set names are case-sensitive in the Web API ("Contacts" is not found).</summary>
    public EntityTable? FindBySet(string setName)
    {
        lock (_gate)
        {
            return _bySet.GetValueOrDefault(setName);
        }
    }

    public EntityTable? FindByLogicalName(string logicalName)
    {
        lock (_gate)
        {
            return _tables.Find(t => t.Definition.LogicalName.Equals(logicalName, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Adds a table made through the metadata endpoints; false when its logical or entity set name is taken.</summary>
    public bool TryCreate(EntityDefinition definition, TableMetadata metadata, out EntityTable table)
    {
        lock (_gate)
        {
            table = new EntityTable(definition, Context, metadata);
            if (_bySet.ContainsKey(definition.SetName) ||
                _tables.Exists(t => t.Definition.LogicalName.Equals(definition.LogicalName, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            Add(table);
            return true;
        }
    }

    public long NextVersion() => Context.NextVersion();

    /// <summary>The newest row version handed out; every later change has a higher one.</summary>
    public long CurrentVersion => Context.CurrentVersion;

    private void Add(EntityTable table)
    {
        _tables.Add(table);
        _bySet[table.Definition.SetName] = table;
    }
}
