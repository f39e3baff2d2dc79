using System.Text.Json;
using TrayPop.Dataverse.Index;
using TrayPop.Hosting.Cli;

namespace TrayPop.Dataverse.Tests.Index;

/// <summary><c>index setup</c> and <c>index status</c> against the emulator's metadata endpoints and key index jobs.</summary>
public sealed class IndexSetupTests
{
    private const string Seed = """
        {"contacts":[{"contactid":"2a0f6c1e-0000-4000-8000-000000000001","fullname":"Ann","telephone1":"(425) 555-0101","statecode":0}]}
        """;

    private const string Definition = "EntityDefinitions(LogicalName='tp_phonekey')";

    [Fact]
    public async Task Setup_CreatesTableColumnsAndKey_AndWaitsUntilTheKeyIsActive()
    {
        // Each stage of the key's index lasts 10 minutes of the fake clock, far longer than the creating requests can
        // take while the harness moves the clock, so the first look at the key always finds it Pending.
        await using var index = await IndexHarness.StartWithoutSetupAsync(Seed, TimeSpan.FromMinutes(10));
        var output = new StringWriter();

        await index.AdvanceUntilDoneAsync(index.SetupAsync(output), TimeSpan.FromSeconds(2));

        var text = output.ToString();
        Assert.Contains("Table tp_phonekey: creating", text, StringComparison.Ordinal);
        Assert.Contains("Alternate key index: Pending", text, StringComparison.Ordinal);
        Assert.Contains("Alternate key index: Active", text, StringComparison.Ordinal);
        Assert.EndsWith("run `traypop index sync` to fill it." + Environment.NewLine, text, StringComparison.Ordinal);
        using var definition = await index.Client.GetDocumentAsync($"{Definition}?$expand=Keys,Attributes", [], CancellationToken.None);
        var attributes = definition.RootElement.GetProperty("Attributes").EnumerateArray().Select(a => a.GetProperty("LogicalName").GetString()).ToList();
        Assert.Subset(attributes.ToHashSet(), new HashSet<string?> { "tp_key", "tp_number", "tp_entity", "tp_recordid", "tp_name", "tp_column" });
        var key = definition.RootElement.GetProperty("Keys").EnumerateArray().Single();
        Assert.Equal("Active", key.GetProperty("EntityKeyIndexStatus").GetString());
        Assert.Equal(["tp_key"], key.GetProperty("KeyAttributes").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Setup_SecondRun_FindsEverythingInPlaceAndWritesNothing()
    {
        await using var index = await IndexHarness.StartAsync(Seed);
        index.Crm.ResetCounters();
        var output = new StringWriter();

        await index.SetupAsync(output);

        Assert.Contains("Table tp_phonekey: exists.", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("creating", output.ToString(), StringComparison.Ordinal);
        Assert.All(index.Crm.ApiRequests, r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Setup_WhenRowsShareAKey_ReportsFailedAndWhatToDo()
    {
        await using var index = await IndexHarness.StartWithoutSetupAsync(Seed, TimeSpan.Zero);
        await index.WriteAsync(HttpMethod.Post, "EntityDefinitions", """
            {"SchemaName":"tp_phonekey","Attributes":[{"@odata.type":"Microsoft.Dynamics.CRM.StringAttributeMetadata","SchemaName":"tp_key","MaxLength":200,"IsPrimaryName":true}]}
            """);
        await index.WriteAsync(HttpMethod.Post, PhoneKeyTable.EntitySet, """{"tp_key":"14255550101|contact|x"}""");
        await index.WriteAsync(HttpMethod.Post, PhoneKeyTable.EntitySet, """{"tp_key":"14255550101|contact|x"}""");

        var failure = await Assert.ThrowsAsync<DataverseException>(() => index.SetupAsync(TextWriter.Null));

        Assert.Contains("status Failed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("duplicate tp_key values", failure.Message, StringComparison.Ordinal);
        Assert.Contains("run `traypop index setup` again", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_BeforeSetup_SaysTheTableIsMissingAndNotReady()
    {
        await using var index = await IndexHarness.StartWithoutSetupAsync(Seed, TimeSpan.Zero);

        var status = await IndexStatus.ReadAsync(index.Services, CancellationToken.None);

        Assert.StartsWith("missing", status.Table, StringComparison.Ordinal);
        Assert.Null(status.KeyIndex);
        Assert.False(status.Ready);
        Assert.Contains("never: agents on Auto use the pattern search", status.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterSetupAndSync_ReportsTheActiveKeyRowsAndLastSync_AsTextAndJson()
    {
        await using var index = await IndexHarness.StartAsync(Seed);
        await index.SyncAsync();
        index.Time.Advance(TimeSpan.FromSeconds(30));

        var status = await IndexStatus.ReadAsync(index.Services, CancellationToken.None);

        Assert.Equal("exists", status.Table);
        Assert.Equal("Active", status.KeyIndex);
        Assert.Equal(2, status.Rows);
        Assert.True(status.Ready);
        Assert.Equal(30, status.LagSeconds);
        Assert.Contains("contact: tracking changes; 1 records keyed", status.ToText(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(status, IndexStatus.Json));
        Assert.Equal("Active", json.RootElement.GetProperty("keyIndex").GetString());
        Assert.True(json.RootElement.GetProperty("ready").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("rows").GetInt64());
    }
}
