using System.Net;
using System.Text;
using System.Text.Json;
using DataverseEmulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DataverseEmulator.Tests.WebApi;

public class ChangeTrackingTests : IAsyncLifetime
{
    private const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";
    private const string TomId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e0a";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync(new EmulatorSettings { TimeProvider = _time });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task TrackChanges_ReturnsAllRowsAndADeltaLink()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname,telephone1", prefer: "odata.track-changes");

        Assert.Equal(12, body.GetProperty("value").GetArrayLength());
        var deltaLink = body.GetProperty("@odata.deltaLink").GetString();
        Assert.StartsWith($"{_emulator.Server.BaseUri}api/data/v9.2/contacts?$select=fullname%2Ctelephone1&$deltatoken=", deltaLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeltaLink_ReturnsChangedAndDeletedRowsOnly()
    {
        var first = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname,telephone1", prefer: "odata.track-changes");
        using (await PatchAsync($"api/data/v9.2/contacts({JaneId})", """{"telephone1":"(425) 555-0111"}"""))
        using (await _emulator.Client.DeleteAsync($"api/data/v9.2/contacts({TomId})"))
        {
        }

        var delta = await _emulator.GetJsonAsync(first.GetProperty("@odata.deltaLink").GetString()!);

        Assert.EndsWith("$metadata#contacts(fullname,telephone1)/$delta", delta.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        var rows = delta.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("(425) 555-0111", rows[0].GetProperty("telephone1").GetString());
        Assert.Equal(TomId, rows[1].GetProperty("id").GetString());
        Assert.Equal("deleted", rows[1].GetProperty("reason").GetString());
        Assert.EndsWith("$metadata#contacts/$deletedEntity", rows[1].GetProperty("@odata.context").GetString(), StringComparison.Ordinal);

        var quiet = await _emulator.GetJsonAsync(delta.GetProperty("@odata.deltaLink").GetString()!);
        Assert.Equal(0, quiet.GetProperty("value").GetArrayLength());
    }

    [Theory]
    [InlineData("$filter=statecode eq 0")]
    [InlineData("$top=1")]
    [InlineData("$orderby=fullname")]
    public async Task TrackChanges_WithFilterTopOrOrderBy_Is400(string query)
    {
        using var response = await _emulator.GetAsync($"api/data/v9.2/contacts?{query}", prefer: "odata.track-changes");

        await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DeltaToken_OlderThanSevenDays_Is400()
    {
        var first = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname", prefer: "odata.track-changes");
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        using var response = await _emulator.GetAsync(first.GetProperty("@odata.deltaLink").GetString()!);

        Assert.Contains("expired", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeltaToken_Garbage_Is400()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/contacts?$deltatoken=abc");

        await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    private Task<HttpResponseMessage> PatchAsync(string url, string json) =>
        _emulator.Client.PatchAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
}
