using System.Net;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.FetchXml;

public class FetchXmlEndpointTests : IAsyncLifetime
{
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task FetchXml_LikeDigits_FindsTheContact()
    {
        const string Fetch = """
            <fetch><entity name="contact"><attribute name="fullname" /><attribute name="telephone1" />
              <filter type="and"><condition attribute="statecode" operator="eq" value="0" />
                <condition attribute="telephone1" operator="like" value="%4%2%5%5%5%5%0%1%0%1%" /></filter>
              <order attribute="fullname" /></entity></fetch>
            """;

        var body = await _emulator.GetJsonAsync($"api/data/v9.2/contacts?fetchXml={Uri.EscapeDataString(Fetch)}");

        Assert.EndsWith("$metadata#contacts(fullname,telephone1)", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Jane Doe", "Maria Garcia"], Json.Names(body));
        Assert.True(body.GetProperty("value")[0].TryGetProperty("contactid", out _));
    }

    [Fact]
    public async Task FetchXml_CountAndPage_ReportMoreRecords()
    {
        const string Fetch = "<fetch count='5' page='1'><entity name='contact'><attribute name='fullname' /></entity></fetch>";

        var body = await _emulator.GetJsonAsync($"api/data/v9.2/contacts?fetchXml={Uri.EscapeDataString(Fetch)}");

        Assert.Equal(5, body.GetProperty("value").GetArrayLength());
        Assert.True(body.GetProperty("@Microsoft.Dynamics.CRM.morerecords").GetBoolean());
        Assert.StartsWith("<cookie page=\"1\">", body.GetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchXml_UnknownAttribute_Is400()
    {
        const string Fetch = "<fetch><entity name='contact'><attribute name='homephone' /></entity></fetch>";

        using var response = await _emulator.GetAsync($"api/data/v9.2/contacts?fetchXml={Uri.EscapeDataString(Fetch)}");

        Assert.Contains("homephone", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchXml_EntityOtherThanTheSet_Is400()
    {
        const string Fetch = "<fetch><entity name='account'><attribute name='name' /></entity></fetch>";

        using var response = await _emulator.GetAsync($"api/data/v9.2/contacts?fetchXml={Uri.EscapeDataString(Fetch)}");

        await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FetchXml_InsideBatch_Works()
    {
        const string Fetch = "<fetch><entity name='lead'><attribute name='fullname' /></entity></fetch>";
        var content = BatchBody.Create("batch_f", [$"leads?fetchXml={Uri.EscapeDataString(Fetch)}"]);

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", content);

        var part = Assert.Single(BatchBody.ReadParts(response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync()));
        Assert.Equal(200, part.Status);
        Assert.Contains("Kim Abercrombie", part.Body, StringComparison.Ordinal);
    }
}
