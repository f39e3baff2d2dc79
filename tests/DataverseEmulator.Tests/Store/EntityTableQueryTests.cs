using System.Text.Json.Nodes;
using DataverseEmulator.Filtering;
using DataverseEmulator.Metadata;
using DataverseEmulator.Store;
using DataverseEmulator.Store.Transactions;
using DataverseEmulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DataverseEmulator.Tests.Store;

/// <summary>The cost model at the table: what seeks, what scans, and how the counts come out.</summary>
public class EntityTableQueryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Query_EqOnPrimaryKey_SeeksOneRow()
    {
        var (table, context) = Contacts(100);
        var id = table.Snapshot()[42].Id;

        var result = Query(table, $"contactid eq {id:D}");

        Assert.Equal([id], result.Select(r => r.Id));
        Assert.Equal(new EmulatorStats(0, 0, 1), context.Stats.Snapshot());
    }

    [Fact]
    public void Query_StartsWithOnPrimaryKey_SeeksTheRange()
    {
        var (table, context) = Contacts(300);
        var prefix = table.Snapshot()[7].Id.ToString("D")[..2];
        var expected = table.Snapshot().Where(r => r.Id.ToString("D").StartsWith(prefix, StringComparison.Ordinal)).Select(r => r.Id).ToList();

        var result = Query(table, $"startswith(contactid,'{prefix.ToUpperInvariant()}')");

        Assert.Equal(expected, result.Select(r => r.Id));
        Assert.Equal(new EmulatorStats(0, 0, expected.Count), context.Stats.Snapshot());
    }

    [Theory]
    [InlineData("contains(fullname,'7')")]
    [InlineData("telephone1 eq '+1 425 555 0107'")]
    [InlineData("endswith(fullname,'7')")]
    public void Query_OnNonKeyColumns_ScansEveryRow(string filter)
    {
        var (table, context) = Contacts(100);

        Query(table, filter);

        Assert.Equal(new EmulatorStats(0, 100, 0), context.Stats.Snapshot());
    }

    [Fact]
    public void Query_StartsWithOnActiveKey_SeeksOnlyTheMatchingEntries()
    {
        var (table, context) = PhoneKeys(keyDelay: TimeSpan.Zero);
        AddKeys(table, ("14255550101", 3), ("14255550102", 2), ("442079460958", 4));

        var result = Query(table, "startswith(tp_key,'14255550101|')");

        Assert.Equal(3, result.Count);
        Assert.All(result, r => Assert.StartsWith("14255550101|", (string)r.Get("tp_key")!, StringComparison.Ordinal));
        Assert.Equal(new EmulatorStats(0, 0, 3), context.Stats.Snapshot());
    }

    [Fact]
    public void Query_KeyIndexNotYetActive_Scans()
    {
        var (table, context) = PhoneKeys(keyDelay: TimeSpan.FromSeconds(5));
        AddKeys(table, ("14255550101", 2));

        Query(table, "startswith(tp_key,'14255550101|')");
        _time.Advance(TimeSpan.FromSeconds(10));
        Query(table, "startswith(tp_key,'14255550101|')");

        Assert.Equal(new EmulatorStats(0, 2, 2), context.Stats.Snapshot());
    }

    [Fact]
    public void Query_AndWithASeekableSide_SeeksThenFiltersTheRest()
    {
        var (table, context) = PhoneKeys(keyDelay: TimeSpan.Zero);
        AddKeys(table, ("14255550101", 3), ("14255550199", 5));

        var result = Query(table, "tp_column eq 'telephone1-1' and startswith(tp_key,'14255550101|')");

        Assert.Single(result);
        Assert.Equal(new EmulatorStats(0, 0, 3), context.Stats.Snapshot());
    }

    [Fact]
    public void Query_OrOfTwoKeyPrefixes_SeeksBoth()
    {
        var (table, context) = PhoneKeys(keyDelay: TimeSpan.Zero);
        AddKeys(table, ("14255550101", 1), ("14255550102", 2), ("14255550103", 4));

        var result = Query(table, "startswith(tp_key,'14255550101|') or startswith(tp_key,'14255550103|')");

        Assert.Equal(5, result.Count);
        Assert.Equal(new EmulatorStats(0, 0, 5), context.Stats.Snapshot());
    }

    [Fact]
    public void Query_LeadingWildcardOnTableAboveTheScanLimit_TimesOut()
    {
        var (table, _) = Contacts(11, scanLimit: 10);

        Assert.True(table.Query(FilterParser.Parse("contains(fullname,'x')").Root).TimedOut);
        Assert.False(table.Query(FilterParser.Parse("fullname eq 'x'").Root).TimedOut);
    }

    [Fact]
    public void Query_LeadingWildcardOnTableAtTheScanLimit_Scans()
    {
        var (table, context) = Contacts(10, scanLimit: 10);

        Assert.False(table.Query(FilterParser.Parse("contains(fullname,'x')").Root).TimedOut);
        Assert.Equal(10, context.Stats.Snapshot().RowsScanned);
    }

    [Fact]
    public void Query_LeadingWildcardBesideAKeySeek_DoesNotTimeOut()
    {
        var (table, _) = PhoneKeys(keyDelay: TimeSpan.Zero, scanLimit: 1);
        AddKeys(table, ("14255550101", 3));

        Assert.False(table.Query(FilterParser.Parse("startswith(tp_key,'1425') and contains(tp_name,'x')").Root).TimedOut);
    }

    [Fact]
    public void Index_AfterUpdatesAndDeletes_SeeksTheCurrentValues()
    {
        var (table, _) = PhoneKeys(keyDelay: TimeSpan.Zero);
        AddKeys(table, ("14255550101", 2));
        var rows = table.Snapshot();
        var key = table.Keys.Single();

        table.Upsert(RecordAddress.ById(rows[0].Id), new JsonObject { ["tp_key"] = "19995550000|contact|moved" }, null, null);
        table.Delete(RecordAddress.ByKey(key, [(string)rows[1].Get("tp_key")!]));

        Assert.Empty(Query(table, "startswith(tp_key,'14255550101|')"));
        Assert.Equal(rows[0].Id, Assert.Single(Query(table, "startswith(tp_key,'1999')")).Id);
    }

    [Fact]
    public void Rollback_PutsRowsAndIndexesBack()
    {
        var (table, _) = PhoneKeys(keyDelay: TimeSpan.Zero);
        AddKeys(table, ("14255550101", 2));
        var before = table.Snapshot();
        var key = table.Keys.Single();

        using (var transaction = StoreTransaction.Begin())
        {
            table.Create(Row("17775550000", 1));
            table.Upsert(RecordAddress.ById(before[0].Id), new JsonObject { ["tp_key"] = "18885550000|contact|x" }, null, null);
            table.Delete(RecordAddress.ByKey(key, [(string)before[1].Get("tp_key")!]));
            transaction.Rollback();
        }

        Assert.Equal(before.Select(r => (r.Id, r.Version)), table.Snapshot().Select(r => (r.Id, r.Version)));
        Assert.Equal(2, Query(table, "startswith(tp_key,'14255550101|')").Count);
        Assert.Empty(Query(table, "startswith(tp_key,'1777')"));
        Assert.Empty(Query(table, "startswith(tp_key,'1888')"));
    }

    private static List<EntityRecord> Query(EntityTable table, string filter) => [.. table.Query(FilterParser.Parse(filter).Root).Rows];

    private (EntityTable Table, StoreContext Context) Contacts(int count, int scanLimit = 1000)
    {
        var context = new StoreContext(_time, scanLimit, TimeSpan.Zero);
        var definition = EntityCatalog.FindBySet("contacts")!;
        var table = new EntityTable(definition, context, TableMetadata.For(definition));
        for (var i = 0; i < count; i++)
        {
            table.Create(new JsonObject { ["fullname"] = $"Contact {i}", ["telephone1"] = $"+1 425 555 {i:0000}" });
        }

        context.Stats.Reset();
        return (table, context);
    }

    private (EntityTable Table, StoreContext Context) PhoneKeys(TimeSpan keyDelay, int scanLimit = 1000)
    {
        var context = new StoreContext(_time, scanLimit, keyDelay);
        var (definition, metadata, _) = EntityMetadataReader.ReadTable(PhoneKeyTable.TableBody);
        var table = new EntityTable(definition!, context, metadata!);
        table.AddKey("tp_Key_AlternateKey", ["tp_key"], null);
        return (table, context);
    }

    private static void AddKeys(EntityTable table, params (string Digits, int Count)[] numbers)
    {
        foreach (var (digits, count) in numbers)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(WriteStatus.Created, table.Create(Row(digits, i)).Status);
            }
        }

        table.Context.Stats.Reset();
    }

    private static JsonObject Row(string digits, int i) => new()
    {
        ["tp_key"] = $"{digits}|contact|{Guid.NewGuid():D}",
        ["tp_number"] = "+" + digits,
        ["tp_column"] = $"telephone1-{i}",
        ["tp_name"] = "Someone",
    };
}
