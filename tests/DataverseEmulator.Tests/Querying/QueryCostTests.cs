using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.Querying;

/// <summary>The cost model over HTTP, for each kind of condition a lookup may send.</summary>
public class QueryCostTests : IAsyncLifetime
{
    private const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await PhoneKeyTable.StartWithTableAsync();
        foreach (var (digits, id) in new[] { ("14255550101", Guid.NewGuid()), ("14255550101", Guid.NewGuid()), ("14255550199", Guid.NewGuid()) })
        {
            using var created = await _emulator.Client.PostAsync($"api/data/v9.2/{PhoneKeyTable.Set}", PhoneKeyTable.Json(PhoneKeyTable.Row(digits, "contact", id)));
            Assert.True(created.IsSuccessStatusCode);
        }

        _emulator.Server.ResetStats();
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("contacts?$filter=contactid eq " + JaneId, 0, 1, 1)]
    [InlineData("contacts?$filter=Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=['" + JaneId + "','8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e02'])", 0, 2, 2)]
    [InlineData("contacts?$filter=contains(telephone1,'555')", 12, 0, 7)]
    [InlineData("contacts?$filter=endswith(telephone1,'0101')", 12, 0, 1)]
    [InlineData("contacts?$filter=startswith(telephone1,'(425)')", 12, 0, 2)]
    [InlineData("contacts?$filter=telephone1 eq '(425) 555-0101'", 12, 0, 1)]
    [InlineData("contacts?$filter=Microsoft.Dynamics.CRM.In(PropertyName='telephone1',PropertyValues=['(425) 555-0101'])", 12, 0, 1)]
    [InlineData("contacts?$select=fullname", 12, 0, 12)]
    [InlineData("tp_phonekeys?$filter=startswith(tp_key,'14255550101|')&$select=tp_key,tp_number,tp_entity,tp_recordid,tp_name,tp_column", 0, 2, 2)]
    [InlineData("tp_phonekeys?$filter=startswith(tp_key,'14255550101|') and tp_entity eq 'account'", 0, 2, 0)]
    [InlineData("tp_phonekeys?$filter=contains(tp_key,'14255550101')", 3, 0, 2)]
    [InlineData("tp_phonekeys?$filter=startswith(tp_key,'%254255550101')", 3, 0, 2)]
    [InlineData("tp_phonekeys?$filter=tp_number eq '%2B14255550101'", 3, 0, 2)]
    public async Task Query_CountsRowsScannedAndSought(string url, long scanned, long seeked, int rows)
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/" + url);

        Assert.Equal(rows, body.GetProperty("value").GetArrayLength());
        Assert.Equal(new EmulatorStats(1, scanned, seeked), _emulator.Server.Stats);
    }

    [Fact]
    public async Task Query_StartsWithOnTheKey_ReturnsTheKeyRowsShapedAsSelected()
    {
        var body = await _emulator.GetJsonAsync($"api/data/v9.2/{PhoneKeyTable.Set}?$filter=startswith(tp_key,'14255550101|')&$select=tp_key,tp_number,tp_entity,tp_recordid,tp_name,tp_column");

        var row = body.GetProperty("value")[0];
        Assert.Equal("+14255550101", row.GetProperty("tp_number").GetString());
        Assert.Equal("contact", row.GetProperty("tp_entity").GetString());
        Assert.True(row.TryGetProperty("tp_phonekeyid", out _));
        Assert.EndsWith("$metadata#tp_phonekeys(tp_key,tp_number,tp_entity,tp_recordid,tp_name,tp_column)", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrieve_ByIdOrKey_CountsOneSeek()
    {
        var key = (await _emulator.GetJsonAsync($"api/data/v9.2/{PhoneKeyTable.Set}?$select=tp_key&$top=1")).GetProperty("value")[0].GetProperty("tp_key").GetString()!;
        _emulator.Server.ResetStats();

        using (await _emulator.GetAsync($"api/data/v9.2/contacts({JaneId})"))
        using (await _emulator.GetAsync($"api/data/v9.2/{PhoneKeyTable.Set}(tp_key='{Uri.EscapeDataString(key)}')"))
        {
        }

        Assert.Equal(new EmulatorStats(2, 0, 2), _emulator.Server.Stats);
    }
}
