using System.Net;
using System.Text.Json;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.Querying;

/// <summary>Leading-wildcard scans of tables above the scan limit fail as Dataverse's time out: 0x80048573.</summary>
public class ScanLimitTests : IAsyncLifetime
{
    private const string Message = "The database operation timed out; this may be due to a leading wildcard value being used in a filter condition. Please consider removing filter conditions on leading wildcard values, as these filter conditions are expensive and may cause timeouts.";
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync(new EmulatorSettings { ScanLimit = 5 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("contains(telephone1,'555')")]
    [InlineData("endswith(telephone1,'0101')")]
    [InlineData("startswith(telephone1,'%555')")]
    [InlineData("statecode eq 0 and contains(telephone1,'425')")]
    public async Task Query_WithContainsOnLargeTable_FailsWithLeadingWildcardTimeout(string filter)
    {
        using var response = await _emulator.GetAsync($"api/data/v9.2/contacts?$select=fullname&$filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(Message, await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal("0x80048573", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, _emulator.Server.Stats.RowsScanned);
    }

    [Fact]
    public async Task Query_WithContainsOnSmallTable_Answers()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/accounts?$select=name&$filter=contains(telephone1,'555')");

        Assert.Equal(2, body.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Query_WithoutLeadingWildcardOnLargeTable_Scans()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname&$filter=startswith(telephone1,'(425)')");

        Assert.Equal(2, body.GetProperty("value").GetArrayLength());
        Assert.Equal(12, _emulator.Server.Stats.RowsScanned);
    }

    [Fact]
    public async Task FetchXml_LikeWithLeadingWildcardOnLargeTable_FailsTheSameWay()
    {
        var fetch = Uri.EscapeDataString("<fetch><entity name='contact'><attribute name='fullname' /><filter><condition attribute='telephone1' operator='like' value='%555%' /></filter></entity></fetch>");

        using var response = await _emulator.GetAsync($"api/data/v9.2/contacts?fetchXml={fetch}");

        Assert.Equal(Message, await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Batch_LeadingWildcardPart_FailsInItsPart_AndStopsTheBatch()
    {
        var content = BatchBody.Create("batch_w", ["leads?$select=fullname", "contacts?$select=fullname&$filter=contains(telephone1,'555')", "accounts?$select=name"]);

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var parts = BatchBody.ReadParts(response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync());
        Assert.Equal([200, 400], parts.Select(p => p.Status));
        Assert.Equal("0x80048573", JsonDocument.Parse(parts[1].Body).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Batch_LeadingWildcardPart_WithContinueOnError_OtherPartsAnswer()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/data/v9.2/$batch")
        {
            Content = BatchBody.Create("batch_w", ["leads?$select=fullname", "contacts?$select=fullname&$filter=contains(telephone1,'555')", "accounts?$select=name"]),
        };
        request.Headers.TryAddWithoutValidation("Prefer", "odata.continue-on-error");

        using var response = await _emulator.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parts = BatchBody.ReadParts(response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync());
        Assert.Equal([200, 400, 200], parts.Select(p => p.Status));
        Assert.Equal(Message, JsonDocument.Parse(parts[1].Body).RootElement.GetProperty("error").GetProperty("message").GetString());
    }
}
