using System.Net;
using System.Text.Json;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.WebApi;

public class EntitySetQueryTests : IAsyncLifetime
{
    private const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Select_ReturnsContextEtagSelectedColumnsAndKey()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname,telephone1&$filter=fullname eq 'Jane Doe'");

        Assert.Equal($"{_emulator.Server.BaseUri}api/data/v9.2/$metadata#contacts(fullname,telephone1)", body.GetProperty("@odata.context").GetString());
        var jane = Assert.Single(body.GetProperty("value").EnumerateArray());
        Assert.Equal(["@odata.etag", "fullname", "telephone1", "contactid"], jane.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^W/\"\\d+\"$", jane.GetProperty("@odata.etag").GetString());
        Assert.Equal("(425) 555-0101", jane.GetProperty("telephone1").GetString());
        Assert.Equal(JaneId, jane.GetProperty("contactid").GetString());
    }

    [Fact]
    public async Task Select_ColumnWithoutValue_IsNull()
    {
        var body = await _emulator.GetJsonAsync($"api/data/v9.2/contacts?$select=fullname,telephone3&$filter=contactid eq {JaneId}");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("value")[0].GetProperty("telephone3").ValueKind);
    }

    [Fact]
    public async Task NoSelect_ReturnsEveryColumnOfTheTable()
    {
        var body = await _emulator.GetJsonAsync($"api/data/v9.2/contacts?$filter=contactid eq {JaneId}");

        Assert.EndsWith("$metadata#contacts", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        var jane = body.GetProperty("value")[0];
        Assert.Equal("+1 425 555 0199", jane.GetProperty("mobilephone").GetString());
        Assert.Equal(JsonValueKind.Null, jane.GetProperty("pager").ValueKind);
        Assert.Equal(0, jane.GetProperty("statecode").GetInt32());
    }

    [Fact]
    public async Task Filter_WildcardDigits_FindsEveryFormatOfTheNumber()
    {
        // The product's digit pattern: 4%2%5%… URL-encoded, so '%' travels as %25.
        var pattern = Uri.EscapeDataString("contains(telephone1,'4%2%5%5%5%5%0%1%0%1') or contains(mobilephone,'4%2%5%5%5%5%0%1%0%1')");

        var body = await _emulator.GetJsonAsync($"api/data/v9.2/contacts?$select=fullname&$filter={pattern}");

        Assert.Contains("Jane Doe", Json.Names(body));
        Assert.DoesNotContain("Tom Baker", Json.Names(body));
    }

    [Fact]
    public async Task Filter_PlusEncoded_IsAPlus()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname&$filter=mobilephone eq '%2B1 425 555 0199'");

        Assert.Equal(["Jane Doe"], Json.Names(body));
    }

    [Fact]
    public async Task Filter_StatecodeActive_ExcludesInactive()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname&$filter=statecode eq 0 and contains(telephone1,'555-01')");

        Assert.DoesNotContain("Wei Chen", Json.Names(body));
        Assert.Contains("Jane Doe", Json.Names(body));
    }

    [Fact]
    public async Task Filter_SharedSwitchboard_ReturnsBothContacts()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname&$filter=telephone1 eq '(206) 555-0100'");

        Assert.Equal(["Tom Baker", "Sarah Lee"], Json.Names(body));
    }

    [Fact]
    public async Task AppModules_FilteredById_AnswerTheAppOrNothing()
    {
        const string Query = "api/data/v9.2/appmodules?$select=appmoduleid,uniquename&$filter=appmoduleid eq ";

        var known = await _emulator.GetJsonAsync(Query + "c5a1e0d2-0000-4000-8000-0000000a0001");
        var unknown = await _emulator.GetJsonAsync(Query + "00000000-0000-4000-8000-00000000dead");

        Assert.Equal(["TrayPopCustomerService"], Json.Names(known, "uniquename"));
        Assert.Empty(unknown.GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task Filter_InWithParameterAliases()
    {
        var body = await _emulator.GetJsonAsync(
            "api/data/v9.2/contacts?$select=fullname&$filter=Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)" +
            "&@p1='telephone1'&@p2=" + Uri.EscapeDataString("[\"(425) 555-0101\",\"425.555.0106\"]"));

        Assert.Equal(["Jane Doe", "Robert Johnson"], Json.Names(body));
    }

    [Fact]
    public async Task Filter_AccountsAndLeads_AreQueryable()
    {
        var accounts = await _emulator.GetJsonAsync("api/data/v9.2/accounts?$select=name&$filter=telephone1 eq '(206) 555-0100'");
        var leads = await _emulator.GetJsonAsync("api/data/v9.2/leads?$select=fullname&$filter=startswith(telephone1,'(425)')");

        Assert.Equal(["Fabrikam Inc"], Json.Names(accounts, "name"));
        Assert.Equal(["Kim Abercrombie"], Json.Names(leads));
        Assert.True(accounts.GetProperty("value")[0].TryGetProperty("accountid", out _));
    }

    [Fact]
    public async Task TopAndOrderBy_SortAndLimit()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname&$orderby=fullname desc&$top=3");

        Assert.Equal(["Wei Chen", "Tom Baker", "Sarah Lee"], Json.Names(body));
        Assert.False(body.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task OrderBy_TwoColumns()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname&$filter=telephone1 eq '(206) 555-0100'&$orderby=telephone1 asc,fullname asc");

        Assert.Equal(["Sarah Lee", "Tom Baker"], Json.Names(body));
    }

    [Fact]
    public async Task Count_AddsODataCount()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/contacts?$select=fullname&$count=true&$top=1");

        Assert.Equal(12, body.GetProperty("@odata.count").GetInt32());
    }

    [Fact]
    public async Task MaxPageSize_PagesThroughNextLinks()
    {
        var names = new List<string>();
        string? next = "api/data/v9.2/contacts?$select=fullname";
        var pages = 0;
        while (next is not null)
        {
            using var response = await _emulator.GetAsync(next, prefer: "odata.maxpagesize=5");
            Assert.Equal("odata.maxpagesize=5", response.Headers.GetValues("Preference-Applied").Single());
            var body = await Json.ReadAsync(response);
            names.AddRange(Json.Names(body));
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(12, names.Distinct().Count());
    }

    [Fact]
    public async Task FormattedValues_WhenPreferred()
    {
        var body = await _emulator.GetJsonAsync(
            $"api/data/v9.2/contacts?$select=statecode&$filter=contactid eq {JaneId}",
            prefer: "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");

        Assert.Equal("Active", body.GetProperty("value")[0].GetProperty("statecode@OData.Community.Display.V1.FormattedValue").GetString());
    }

    [Fact]
    public async Task SingleRecord_ReturnsEntityWithEtag()
    {
        using var response = await _emulator.GetAsync($"api/data/v9.2/contacts({JaneId})?$select=fullname,mobilephone");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("4.0", response.Headers.GetValues("OData-Version").Single());
        var body = await Json.ReadAsync(response);
        Assert.EndsWith("$metadata#contacts(fullname,mobilephone)/$entity", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal("Jane Doe", body.GetProperty("fullname").GetString());
        Assert.Equal(body.GetProperty("@odata.etag").GetString(), response.Headers.ETag!.ToString());
    }

    [Theory]
    [InlineData("v9.0")]
    [InlineData("v9.1")]
    [InlineData("v9.2")]
    public async Task OlderVersions_AnswerAlike(string version)
    {
        var body = await _emulator.GetJsonAsync($"api/data/{version}/contacts({JaneId})?$select=fullname");

        Assert.Equal("Jane Doe", body.GetProperty("fullname").GetString());
        Assert.Contains($"/api/data/{version}/$metadata", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_ReturnsTheThreeIds()
    {
        var body = await _emulator.GetJsonAsync("api/data/v9.2/WhoAmI");

        Assert.Equal($"{_emulator.Server.BaseUri}api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse", body.GetProperty("@odata.context").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("UserId").GetString(), out _));
        Assert.True(Guid.TryParse(body.GetProperty("BusinessUnitId").GetString(), out _));
        Assert.True(Guid.TryParse(body.GetProperty("OrganizationId").GetString(), out _));
    }

    [Fact]
    public async Task CountSegment_ReturnsNumber()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/accounts/$count");

        Assert.Equal("3", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metadata_ListsEntitySets()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/$metadata");
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<EntitySet Name=\"contacts\"", xml, StringComparison.Ordinal);
    }
}
