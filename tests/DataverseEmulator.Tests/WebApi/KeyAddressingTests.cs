using System.Net;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.WebApi;

/// <summary>Records addressed by alternate key, as the indexer upserts and deletes key rows.</summary>
public class KeyAddressingTests : IAsyncLifetime
{
    private static readonly Guid JaneId = Guid.Parse("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01");
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await PhoneKeyTable.StartWithTableAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Patch_ByKey_CreatesTheRowWithTheKeyValue_ThenUpdatesIt()
    {
        var key = $"14255550101|contact|{JaneId:D}";

        using var created = await PatchAsync(KeyUrl(key), """{"tp_number":"+14255550101","tp_name":"Jane Doe"}""");
        using var updated = await PatchAsync(KeyUrl(key), """{"tp_name":"Jane Q Doe"}""");
        var row = await _emulator.GetJsonAsync(KeyUrl(key) + "?$select=tp_key,tp_name,tp_number");

        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.Equal(key, row.GetProperty("tp_key").GetString());
        Assert.Equal("Jane Q Doe", row.GetProperty("tp_name").GetString());
        Assert.Single(_emulator.Server.GetRecords(PhoneKeyTable.Set));
    }

    [Fact]
    public async Task Patch_ByKey_IfMatchStar_OnlyUpdates()
    {
        using var response = await PatchAsync(KeyUrl("1|contact|x"), """{"tp_name":"x"}""", ("If-Match", "*"));

        var message = await Json.AssertErrorAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("A record with the specified key values does not exist in tp_phonekey entity", message);
        Assert.Equal("0x80060891", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(_emulator.Server.GetRecords(PhoneKeyTable.Set));
    }

    [Fact]
    public async Task Patch_ByKey_IfNoneMatchStar_OnlyCreates()
    {
        using (await PatchAsync(KeyUrl("1|contact|x"), """{"tp_name":"first"}"""))
        {
        }

        using var again = await PatchAsync(KeyUrl("1|contact|x"), """{"tp_name":"second"}""", ("If-None-Match", "*"));

        await Json.AssertErrorAsync(again, (HttpStatusCode)412);
        Assert.Equal("first", _emulator.Server.GetRecords(PhoneKeyTable.Set).Single()["tp_name"]!.ToString());
    }

    [Fact]
    public async Task Key_WithADoubledQuote_IsOneQuote()
    {
        using (await PatchAsync(KeyUrl("1|contact|O'Bryan"), """{"tp_name":"O'Bryan"}"""))
        {
        }

        var row = await _emulator.GetJsonAsync(KeyUrl("1|contact|O'Bryan"));

        Assert.Equal("1|contact|O'Bryan", row.GetProperty("tp_key").GetString());
    }

    [Fact]
    public async Task Delete_ByKey_RemovesTheRow_AndAMissingKeyIs404()
    {
        using (await PatchAsync(KeyUrl("1|contact|x"), """{"tp_name":"x"}"""))
        {
        }

        using var deleted = await _emulator.Client.DeleteAsync(KeyUrl("1|contact|x"));
        using var again = await _emulator.Client.DeleteAsync(KeyUrl("1|contact|x"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("A record with the specified key values does not exist in tp_phonekey entity", await Json.AssertErrorAsync(again, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Get_MissingKey_Is404()
    {
        using var response = await _emulator.GetAsync(KeyUrl("nobody"));

        await Json.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("+14255550101|contact|x", HttpStatusCode.NotFound)]
    [InlineData("1/2", HttpStatusCode.NotFound)]
    [InlineData("1%2", HttpStatusCode.BadRequest)]
    [InlineData("1&2", HttpStatusCode.BadRequest)]
    [InlineData("1:2", HttpStatusCode.BadRequest)]
    [InlineData("1\\2", HttpStatusCode.BadRequest)]
    [InlineData("1?2", HttpStatusCode.BadRequest)]
    [InlineData("1<2", HttpStatusCode.BadRequest)]
    [InlineData("1>2", HttpStatusCode.BadRequest)]
    [InlineData("1*2", HttpStatusCode.BadRequest)]
    public async Task Key_WithACharacterDataverseCannotAddressBy_IsRefused(string key, HttpStatusCode status)
    {
        using var response = await PatchAsync(KeyUrl(key), """{"tp_name":"x"}""");

        await Json.AssertErrorAsync(response, status);
        Assert.Empty(_emulator.Server.GetRecords(PhoneKeyTable.Set));
    }

    [Fact]
    public async Task Key_WithSuchCharacters_CanStillBeCreatedByPost()
    {
        using var response = await _emulator.Client.PostAsync($"api/data/v9.2/{PhoneKeyTable.Set}", PhoneKeyTable.Json("""{"tp_key":"+1 (425) 555-0101"}"""));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Post_SecondRowWithTheSameKeyValue_Is412DuplicateRecordEntityKey()
    {
        using (await _emulator.Client.PostAsync($"api/data/v9.2/{PhoneKeyTable.Set}", PhoneKeyTable.Json("""{"tp_key":"1|contact|x"}""")))
        {
        }

        using var second = await _emulator.Client.PostAsync($"api/data/v9.2/{PhoneKeyTable.Set}", PhoneKeyTable.Json("""{"tp_key":"1|CONTACT|X"}"""));

        var message = await Json.AssertErrorAsync(second, (HttpStatusCode)412);
        Assert.StartsWith("Entity Key tp_Key_AlternateKey violated.", message, StringComparison.Ordinal);
        Assert.Equal("0x80060892", (await Json.ReadAsync(second)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Patch_ChangingAKeyToOneTaken_Is412()
    {
        using (await PatchAsync(KeyUrl("a"), "{}"))
        using (await PatchAsync(KeyUrl("b"), "{}"))
        {
        }

        using var response = await PatchAsync(KeyUrl("a"), """{"tp_key":"b"}""");

        await Json.AssertErrorAsync(response, (HttpStatusCode)412);
    }

    [Fact]
    public async Task Key_ThatIsNotADefinedKey_Is400()
    {
        using var response = await _emulator.GetAsync($"api/data/v9.2/{PhoneKeyTable.Set}(tp_name='x')");

        Assert.Equal("The specified key attributes are not a defined key for the tp_phonekey entity", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task ChangeSet_UpsertsAndDeletesByKey()
    {
        using (await PatchAsync(KeyUrl("old"), "{}"))
        {
        }

        var body = BatchBody.ChangeSet("b1", [
            ("PATCH", KeyPath("14255550101|contact|a"), """{"tp_name":"A"}"""),
            ("PATCH", KeyPath("14255550101|contact|b"), """{"tp_name":"B"}"""),
            ("DELETE", KeyPath("old"), null),
        ]);

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", BatchBody.Raw("b1", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([204, 204, 204], BatchBody.ReadAllParts(await response.Content.ReadAsStringAsync()).Select(p => p.Status));
        Assert.Equal(["14255550101|contact|a", "14255550101|contact|b"], _emulator.Server.GetRecords(PhoneKeyTable.Set).Select(r => r["tp_key"]!.ToString()));
    }

    [Fact]
    public async Task ChangeSet_ThatFails_UndoesItsUpsertsAndDeletes()
    {
        using (await PatchAsync(KeyUrl("old"), """{"tp_name":"kept"}"""))
        {
        }

        var body = BatchBody.ChangeSet("b1", [
            ("PATCH", KeyPath("new"), """{"tp_name":"N"}"""),
            ("PATCH", KeyPath("old"), """{"tp_name":"changed"}"""),
            ("DELETE", KeyPath("old"), null),
            ("DELETE", KeyPath("missing"), null),
        ]);

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", BatchBody.Raw("b1", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([404], BatchBody.ReadAllParts(await response.Content.ReadAsStringAsync()).Select(p => p.Status));
        var row = Assert.Single(_emulator.Server.GetRecords(PhoneKeyTable.Set));
        Assert.Equal(("old", "kept"), (row["tp_key"]!.ToString(), row["tp_name"]!.ToString()));
        var found = await _emulator.GetJsonAsync($"api/data/v9.2/{PhoneKeyTable.Set}?$filter=startswith(tp_key,'old')");
        Assert.Equal(1, found.GetProperty("value").GetArrayLength());
    }

    private static string KeyPath(string key) => $"{PhoneKeyTable.Set}(tp_key='{Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal))}')";

    private static string KeyUrl(string key) => "api/data/v9.2/" + KeyPath(key);

    private Task<HttpResponseMessage> PatchAsync(string url, string json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = PhoneKeyTable.Json(json) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return _emulator.Client.SendAsync(request);
    }
}
