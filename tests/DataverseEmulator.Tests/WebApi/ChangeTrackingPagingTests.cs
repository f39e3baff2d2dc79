using System.Net;
using System.Text;
using System.Text.Json;
using DataverseEmulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DataverseEmulator.Tests.WebApi;

/// <summary>Change tracking the way <c>index sync</c> reads it: pages, delta links, the kinds of change, expiry.</summary>
public class ChangeTrackingPagingTests : IAsyncLifetime
{
    private const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";
    private const string TomId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e0a";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync(new EmulatorSettings { TimeProvider = _time });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task TrackChanges_WithMaxPageSize_PagesWithNextLinks_AndADeltaLinkOnTheLastPage()
    {
        var pages = await ReadAllAsync("api/data/v9.2/contacts?$select=fullname", "odata.track-changes,odata.maxpagesize=5");

        Assert.Equal([5, 5, 2], pages.Select(p => p.GetProperty("value").GetArrayLength()));
        Assert.All(pages.SkipLast(1), p => Assert.False(p.TryGetProperty("@odata.deltaLink", out _)));
        Assert.False(pages[^1].TryGetProperty("@odata.nextLink", out _));
        Assert.Contains("$deltatoken=", pages[^1].GetProperty("@odata.deltaLink").GetString(), StringComparison.Ordinal);
        var names = pages.SelectMany(p => p.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("fullname").GetString())).ToList();
        Assert.Equal(12, names.Distinct().Count());
    }

    [Fact]
    public async Task TrackChanges_ChangesDuringPaging_WaitForTheDelta()
    {
        using var first = await _emulator.GetAsync("api/data/v9.2/contacts?$select=fullname", "odata.track-changes,odata.maxpagesize=10");
        var page = await Json.ReadAsync(first);
        using (await PatchAsync("api/data/v9.2/contacts(8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e0c)", """{"fullname":"Ahmed Khan Jr"}"""))
        {
        }

        var rest = await ReadAllAsync(page.GetProperty("@odata.nextLink").GetString()!, "odata.maxpagesize=10");
        var delta = await _emulator.GetJsonAsync(rest[^1].GetProperty("@odata.deltaLink").GetString()!);

        var everyName = page.GetProperty("value").EnumerateArray().Concat(rest.SelectMany(p => p.GetProperty("value").EnumerateArray()))
            .Select(r => r.GetProperty("fullname").GetString()).ToList();
        Assert.Equal(11, everyName.Count);
        Assert.DoesNotContain("Ahmed Khan Jr", everyName);
        Assert.Equal("Ahmed Khan Jr", Assert.Single(delta.GetProperty("value").EnumerateArray()).GetProperty("fullname").GetString());
    }

    [Fact]
    public async Task Delta_ReturnsNewChangedDeactivatedAndDeletedRows()
    {
        var first = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname,statecode", "odata.track-changes");
        using (await _emulator.Client.PostAsync("api/data/v9.2/contacts", Body("""{"fullname":"New Caller","telephone1":"+1 425 555 0177"}""")))
        using (await PatchAsync($"api/data/v9.2/contacts({JaneId})", """{"fullname":"Jane Q Doe"}"""))
        using (await PatchAsync("api/data/v9.2/contacts(8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e02)", """{"statecode":1,"statuscode":2}"""))
        using (await _emulator.Client.DeleteAsync($"api/data/v9.2/contacts({TomId})"))
        {
        }

        var delta = await _emulator.GetJsonAsync(first.GetProperty("@odata.deltaLink").GetString()!);

        var rows = delta.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["New Caller", "Jane Q Doe", "Oliver Bennett"], rows.Take(3).Select(r => r.GetProperty("fullname").GetString()));
        Assert.Equal(1, rows[2].GetProperty("statecode").GetInt32());
        Assert.Equal(TomId, rows[3].GetProperty("id").GetString());
        Assert.Equal("deleted", rows[3].GetProperty("reason").GetString());
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task Delta_WithMaxPageSize_PagesTheChangesThenTheDeletions()
    {
        var first = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname", "odata.track-changes");
        foreach (var id in new[] { "01", "02", "03" })
        {
            using (await PatchAsync($"api/data/v9.2/contacts(8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e{id})", """{"jobtitle":"Changed"}"""))
            {
            }
        }

        foreach (var id in new[] { "04", "05" })
        {
            using (await _emulator.Client.DeleteAsync($"api/data/v9.2/contacts(8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e{id})"))
            {
            }
        }

        var pages = await ReadAllAsync(first.GetProperty("@odata.deltaLink").GetString()!, "odata.maxpagesize=2");

        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("value").GetArrayLength()));
        var entries = pages.SelectMany(p => p.GetProperty("value").EnumerateArray()).ToList();
        Assert.Equal(3, entries.Count(e => e.TryGetProperty("fullname", out _)));
        Assert.Equal(2, entries.Count(e => e.TryGetProperty("reason", out _)));
        Assert.All(pages, p => Assert.EndsWith("/$delta", p.GetProperty("@odata.context").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeltaToken_OlderThanSevenDays_AnswersExpiredVersionStamp()
    {
        var first = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname", "odata.track-changes");
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        using var response = await _emulator.GetAsync(first.GetProperty("@odata.deltaLink").GetString()!);

        var message = await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Version stamp associated with the client has expired. Please perform a full sync.", message);
        Assert.Equal("0x80044352", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task DeltaToken_SixDaysOld_StillWorks()
    {
        var first = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname", "odata.track-changes");
        _time.Advance(TimeSpan.FromDays(6));

        var delta = await _emulator.GetJsonAsync(first.GetProperty("@odata.deltaLink").GetString()!);

        Assert.Equal(0, delta.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task TrackChanges_OnATableWithoutChangeTracking_IsRefused()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/phonecalls?$select=subject", "odata.track-changes");

        Assert.Equal("Entity phonecall isn't enabled for change tracking.", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal("0x80072491", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("accounts")]
    [InlineData("leads")]
    public async Task TrackChanges_AccountsAndLeads_AreTracked(string set)
    {
        var body = await _emulator.GetJsonAsync($"api/data/v9.2/{set}", "odata.track-changes");

        Assert.True(body.TryGetProperty("@odata.deltaLink", out _));
    }

    [Fact]
    public async Task TrackChanges_RefusedOption_NamesItAsDataverseDoes()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/contacts?$top=1", "odata.track-changes");

        Assert.Equal("The \"$top\" query parameter isn't supported when Change Tracking is enabled.", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest));
    }

    private async Task<List<JsonElement>> ReadAllAsync(string url, string prefer)
    {
        var pages = new List<JsonElement>();
        string? next = url;
        while (next is not null && pages.Count < 50)
        {
            var page = await _emulator.GetJsonAsync(next, prefer);
            pages.Add(page);
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return pages;
    }

    private Task<HttpResponseMessage> PatchAsync(string url, string json) => _emulator.Client.PatchAsync(url, Body(json));

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
