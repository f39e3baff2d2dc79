using System.Text.Json.Nodes;
using DataverseEmulator.Store;

namespace DataverseEmulator.Tests.Store;

public class EntityTableTests
{
    private static readonly Guid Id = Guid.Parse("11111111-0000-4000-8000-000000000001");

    [Fact]
    public void Replace_SwapsTheRow_AndOldSnapshotsKeepTheOldValues()
    {
        var table = new EntityTable(EntityCatalog.FindBySet("contacts")!);
        table.TryAdd(new EntityRecord(Id, new JsonObject { ["fullname"] = "Old" }, 1));
        var before = table.Snapshot();

        table.Replace(new EntityRecord(Id, new JsonObject { ["fullname"] = "New" }, 2));

        Assert.Equal("Old", before[0].Values["fullname"]!.ToString());
        Assert.Equal("New", table.Find(Id)!.Values["fullname"]!.ToString());
        Assert.Equal("W/\"2\"", table.Find(Id)!.ETag);
    }

    [Fact]
    public void TryAdd_DuplicateKey_IsRefused()
    {
        var table = new EntityTable(EntityCatalog.FindBySet("contacts")!);

        Assert.True(table.TryAdd(new EntityRecord(Id, [], 1)));
        Assert.False(table.TryAdd(new EntityRecord(Id, [], 2)));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Remove_RemembersTheDeletion_UntilTheRowIsBack()
    {
        var table = new EntityTable(EntityCatalog.FindBySet("contacts")!);
        table.TryAdd(new EntityRecord(Id, [], 1));

        table.Remove(Id, 5);
        var deleted = table.DeletedSince(4);
        table.TryAdd(new EntityRecord(Id, [], 6));

        Assert.Equal([Id], deleted);
        Assert.Empty(table.DeletedSince(5));
        Assert.Empty(table.DeletedSince(4));
    }

    [Fact]
    public void TryAdd_NewColumn_ExtendsTheDefinition()
    {
        var table = new EntityTable(EntityCatalog.FindBySet("contacts")!);

        table.TryAdd(new EntityRecord(Id, new JsonObject { ["new_region"] = "EMEA" }, 1));

        Assert.Contains("new_region", table.Definition.Columns);
    }
}
