using System.Net;
using System.Text.Json;
using DataverseEmulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DataverseEmulator.Tests.Metadata;

/// <summary>The metadata endpoints <c>index setup</c> uses: make the table, its key, wait for the index.</summary>
public class EntityDefinitionsTests : IAsyncLifetime
{
    private const string Table = "api/data/v9.2/EntityDefinitions(LogicalName='tp_phonekey')";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await RunningEmulator.StartAsync(new EmulatorSettings { TimeProvider = _time, KeyIndexDelay = TimeSpan.FromSeconds(3) });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Get_MissingTable_Is404WithDataversesError()
    {
        using var response = await _emulator.GetAsync(Table);

        var message = await Json.AssertErrorAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("The entity with a name = 'tp_phonekey' with namemapping = 'Logical' was not found in the MetadataCache.", message);
        Assert.Equal("0x80041102", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_CreatesTheTable_AndGetDescribesIt()
    {
        using var created = await _emulator.Client.PostAsync("api/data/v9.2/EntityDefinitions", PhoneKeyTable.Json(PhoneKeyTable.TableBody));
        var entity = await _emulator.GetJsonAsync(Table + "?$select=LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute,SchemaName");

        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        Assert.Equal($"{_emulator.Server.BaseUri}api/data/v9.2/EntityDefinitions({entity.GetProperty("MetadataId").GetString()})",
            created.Headers.GetValues("OData-EntityId").Single());
        Assert.Equal("tp_phonekeys", entity.GetProperty("EntitySetName").GetString());
        Assert.Equal("tp_phonekeyid", entity.GetProperty("PrimaryIdAttribute").GetString());
        Assert.Equal("tp_key", entity.GetProperty("PrimaryNameAttribute").GetString());
        Assert.Equal("tp_PhoneKey", entity.GetProperty("SchemaName").GetString());
        Assert.False(entity.TryGetProperty("OwnershipType", out _));
    }

    [Fact]
    public async Task Post_ExistingTable_FailsWithDuplicateName()
    {
        await PhoneKeyTable.CreateTableAsync(_emulator.Client);

        using var again = await _emulator.Client.PostAsync("api/data/v9.2/EntityDefinitions", PhoneKeyTable.Json(PhoneKeyTable.TableBody));

        await Json.AssertErrorAsync(again, HttpStatusCode.BadRequest);
        Assert.Equal("0x80047010", (await Json.ReadAsync(again)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"@odata.type":"Microsoft.Dynamics.CRM.EntityMetadata","Attributes":[]}""")]
    [InlineData("""{"@odata.type":"Microsoft.Dynamics.CRM.EntityMetadata","SchemaName":"tp_X","Attributes":[]}""")]
    [InlineData("""{"@odata.type":"Microsoft.Dynamics.CRM.EntityMetadata","SchemaName":"tp_X","Attributes":[{"@odata.type":"Microsoft.Dynamics.CRM.IntegerAttributeMetadata","SchemaName":"tp_N","IsPrimaryName":true}]}""")]
    [InlineData("""{"@odata.type":"Microsoft.Dynamics.CRM.AttributeMetadata","SchemaName":"tp_X"}""")]
    [InlineData("not json")]
    public async Task Post_BodyWithoutAPrimaryNameColumn_Is400(string body)
    {
        using var response = await _emulator.Client.PostAsync("api/data/v9.2/EntityDefinitions", PhoneKeyTable.Json(body));

        await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreatedTable_ServesItsEntitySet_ForCreateReadUpdateDelete()
    {
        await PhoneKeyTable.CreateTableAsync(_emulator.Client);
        var id = Guid.NewGuid();

        using var created = await _emulator.Client.PostAsync("api/data/v9.2/tp_phonekeys", PhoneKeyTable.Json(PhoneKeyTable.Row("14255550101", "contact", id, "Jane Doe")));
        var location = created.Headers.GetValues("OData-EntityId").Single();
        using var patched = await _emulator.Client.PatchAsync(location, PhoneKeyTable.Json("""{"tp_name":"Jane Q Doe"}"""));
        var row = await _emulator.GetJsonAsync(location + "?$select=tp_name,tp_entity");
        using var deleted = await _emulator.Client.DeleteAsync(location);
        using var gone = await _emulator.GetAsync(location);

        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.Equal("Jane Q Doe", row.GetProperty("tp_name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task CreatedTable_RefusesColumnsItDoesNotHave()
    {
        await PhoneKeyTable.CreateTableAsync(_emulator.Client);

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/tp_phonekeys", PhoneKeyTable.Json("""{"tp_key":"x","telephone1":"1"}"""));

        await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostAttribute_AddsAColumn_AndASecondTimeIsADuplicate()
    {
        await PhoneKeyTable.CreateTableAsync(_emulator.Client);
        const string Column = """{"@odata.type":"Microsoft.Dynamics.CRM.StringAttributeMetadata","SchemaName":"tp_Region","MaxLength":2}""";

        using var added = await _emulator.Client.PostAsync(Table + "/Attributes", PhoneKeyTable.Json(Column));
        using var again = await _emulator.Client.PostAsync(Table + "/Attributes", PhoneKeyTable.Json(Column));
        var column = await _emulator.GetJsonAsync(Table + "/Attributes(LogicalName='tp_region')");
        using var row = await _emulator.Client.PostAsync("api/data/v9.2/tp_phonekeys", PhoneKeyTable.Json("""{"tp_key":"x","tp_region":"GB"}"""));

        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        await Json.AssertErrorAsync(again, HttpStatusCode.BadRequest);
        Assert.Equal(2, column.GetProperty("MaxLength").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, row.StatusCode);
    }

    [Fact]
    public async Task Key_StatusMovesFromPendingThroughInProgressToActive_ByTheClock()
    {
        await PhoneKeyTable.CreateTableAsync(_emulator.Client);
        await PhoneKeyTable.CreateKeyAsync(_emulator.Client);

        var statuses = new List<string>();
        foreach (var step in new[] { 0, 3, 3 })
        {
            _time.Advance(TimeSpan.FromSeconds(step));
            var keys = await _emulator.GetJsonAsync(Table + "/Keys?$select=LogicalName,KeyAttributes,EntityKeyIndexStatus");
            statuses.Add(Assert.Single(keys.GetProperty("value").EnumerateArray()).GetProperty("EntityKeyIndexStatus").GetString()!);
        }

        Assert.Equal(["Pending", "InProgress", "Active"], statuses);
    }

    [Fact]
    public async Task Key_ListedWithItsAttributesAndNames()
    {
        await PhoneKeyTable.CreateTableAsync(_emulator.Client);
        await PhoneKeyTable.CreateKeyAsync(_emulator.Client);

        var key = (await _emulator.GetJsonAsync(Table + "/Keys?$select=LogicalName,KeyAttributes,EntityKeyIndexStatus")).GetProperty("value")[0];
        var expanded = await _emulator.GetJsonAsync(Table + "?$select=LogicalName&$expand=Keys($select=LogicalName,KeyAttributes,EntityKeyIndexStatus)");

        Assert.Equal("tp_key_alternatekey", key.GetProperty("LogicalName").GetString());
        Assert.Equal(["tp_key"], key.GetProperty("KeyAttributes").EnumerateArray().Select(a => a.GetString()));
        Assert.True(key.TryGetProperty("MetadataId", out _));
        Assert.False(key.TryGetProperty("SchemaName", out _));
        Assert.Equal(1, expanded.GetProperty("Keys").GetArrayLength());
    }

    [Fact]
    public async Task Key_OverRowsThatShareValues_Fails()
    {
        await PhoneKeyTable.CreateTableAsync(_emulator.Client);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using (await _emulator.Client.PostAsync("api/data/v9.2/tp_phonekeys", PhoneKeyTable.Json("""{"tp_key":"same"}""")))
            {
            }
        }

        await PhoneKeyTable.CreateKeyAsync(_emulator.Client);
        _time.Advance(TimeSpan.FromSeconds(6));
        var keys = await _emulator.GetJsonAsync(Table + "/Keys");

        Assert.Equal("Failed", keys.GetProperty("value")[0].GetProperty("EntityKeyIndexStatus").GetString());
    }

    [Fact]
    public async Task Key_CreatedTwice_FailsWithEntityKeyNameExists()
    {
        await PhoneKeyTable.CreateTableAsync(_emulator.Client);
        await PhoneKeyTable.CreateKeyAsync(_emulator.Client);

        using var again = await _emulator.Client.PostAsync(Table + "/Keys", PhoneKeyTable.Json(PhoneKeyTable.KeyBody));
        using var sameColumns = await _emulator.Client.PostAsync(Table + "/Keys", PhoneKeyTable.Json("""{"SchemaName":"tp_Other","KeyAttributes":["tp_key"]}"""));

        Assert.Equal("An entity key with the name tp_Key_AlternateKey already exists on entity tp_phonekey.", await Json.AssertErrorAsync(again, HttpStatusCode.BadRequest));
        Assert.Equal("0x80060893", (await Json.ReadAsync(again)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("0x80060894", (await Json.ReadAsync(sameColumns)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"SchemaName":"tp_K","KeyAttributes":["tp_nope"]}""")]
    [InlineData("""{"SchemaName":"tp_K","KeyAttributes":[]}""")]
    [InlineData("""{"KeyAttributes":["tp_key"]}""")]
    public async Task Key_WithUnknownOrMissingColumns_Is400(string body)
    {
        await PhoneKeyTable.CreateTableAsync(_emulator.Client);

        using var response = await _emulator.Client.PostAsync(Table + "/Keys", PhoneKeyTable.Json(body));

        await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Key_OnAMissingTable_Is404()
    {
        using var response = await _emulator.Client.PostAsync(Table + "/Keys", PhoneKeyTable.Json(PhoneKeyTable.KeyBody));

        await Json.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_FiltersAndSelectsTableDefinitions()
    {
        await PhoneKeyTable.CreateTableAsync(_emulator.Client);

        var list = await _emulator.GetJsonAsync("api/data/v9.2/EntityDefinitions?$select=LogicalName,ChangeTrackingEnabled&$filter=LogicalName eq 'tp_phonekey' or LogicalName eq 'contact'");

        var rows = list.GetProperty("value").EnumerateArray().ToDictionary(r => r.GetProperty("LogicalName").GetString()!, r => r.GetProperty("ChangeTrackingEnabled").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["contact"] = true, ["tp_phonekey"] = false }, rows);
    }

    [Fact]
    public async Task BuiltInTables_HaveDefinitions()
    {
        var contact = await _emulator.GetJsonAsync("api/data/v9.2/EntityDefinitions(LogicalName='contact')");

        Assert.Equal("contacts", contact.GetProperty("EntitySetName").GetString());
        Assert.Equal(JsonValueKind.String, contact.GetProperty("MetadataId").ValueKind);
    }
}
