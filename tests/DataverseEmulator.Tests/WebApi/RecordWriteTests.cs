using System.Net;
using System.Text;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.WebApi;

public class RecordWriteTests : IAsyncLifetime
{
    private const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";
    private const string CallId = "0f0e0d0c-0000-4000-8000-0000000000c1";
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task CreatePhoneCall_Returns204WithEntityIdAndStoresLookupsAndParties()
    {
        using var response = await SendAsync(HttpMethod.Post, "api/data/v9.2/phonecalls", $$"""
            {"activityid":"{{CallId}}","subject":"Call from Jane","phonenumber":"+14255550101","directioncode":false,
             "regardingobjectid_contact_phonecall@odata.bind":"/contacts({{JaneId}})",
             "phonecall_activity_parties":[{"participationtypemask":1,"partyid_contact@odata.bind":"/contacts({{JaneId}})"}]}
            """);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal($"{_emulator.Server.BaseUri}api/data/v9.2/phonecalls({CallId})", response.Headers.GetValues("OData-EntityId").Single());
        var call = await _emulator.GetJsonAsync($"api/data/v9.2/phonecalls({CallId})?$select=subject,_regardingobjectid_value,statecode");
        Assert.Equal(JaneId, call.GetProperty("_regardingobjectid_value").GetString());
        Assert.Equal(0, call.GetProperty("statecode").GetInt32());
        var stored = Assert.Single(_emulator.Server.GetRecords("phonecalls"));
        Assert.Equal("+14255550101", stored["phonenumber"]!.ToString());
        var parties = await _emulator.GetJsonAsync($"api/data/v9.2/activityparties?$filter=_activityid_value eq {CallId}");
        Assert.Equal(JaneId, Assert.Single(parties.GetProperty("value").EnumerateArray()).GetProperty("_partyid_value").GetString());
    }

    [Fact]
    public async Task Create_ReturnRepresentation_Is201WithBody()
    {
        using var response = await SendAsync(HttpMethod.Post, "api/data/v9.2/phonecalls", """{"subject":"x"}""", prefer: "return=representation");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal("x", body.GetProperty("subject").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("activityid").GetString(), out _));
    }

    [Fact]
    public async Task Create_DuplicateId_Is412()
    {
        using var first = await SendAsync(HttpMethod.Post, "api/data/v9.2/phonecalls", $$"""{"activityid":"{{CallId}}","subject":"a"}""");
        using var second = await SendAsync(HttpMethod.Post, "api/data/v9.2/phonecalls", $$"""{"activityid":"{{CallId}}","subject":"b"}""");

        await Json.AssertErrorAsync(second, HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Create_UnknownColumn_Is400()
    {
        using var response = await SendAsync(HttpMethod.Post, "api/data/v9.2/phonecalls", """{"subjekt":"a"}""");

        Assert.Contains("subjekt", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BindToMissingRecord_Is404()
    {
        using var response = await SendAsync(HttpMethod.Post, "api/data/v9.2/phonecalls",
            """{"subject":"a","regardingobjectid_contact_phonecall@odata.bind":"/contacts(00000000-0000-0000-0000-0000000000ff)"}""");

        await Json.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "{\"phonenumber\":\"+14255550101\"}")]
    [InlineData("POST", "{\"subject\":\"  \"}")]
    [InlineData("PATCH", "{\"statecode\":1,\"statuscode\":4}")]
    public async Task Create_PhoneCallWithoutSubject_Is400AndStoresNothing(string method, string body)
    {
        var url = method == "POST" ? "api/data/v9.2/phonecalls" : $"api/data/v9.2/phonecalls({CallId})";
        using var response = await SendAsync(new HttpMethod(method), url, body);

        Assert.Contains("subject", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty(_emulator.Server.GetRecords("phonecalls"));
    }

    [Theory]
    [InlineData("regardingobjectid")]
    [InlineData("regardingobjectid_contact_email")]
    [InlineData("regardingobjectid_contact_phonecalls")]
    [InlineData("regardingobjectid_systemuser_phonecall")]
    [InlineData("regardingobjectid_contact_phonecall_x")]
    public async Task Upsert_RegardingBindPhonecallDoesNotDeclare_Is400UndeclaredProperty_AsDataverseSays(string navigation)
    {
        using var response = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})",
            $$"""{"subject":"a","{{navigation}}@odata.bind":"/contacts({{JaneId}})"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Json.ReadAsync(response)).GetProperty("error");
        Assert.Equal("0x0", error.GetProperty("code").GetString());
        Assert.StartsWith(
            $"An error occurred while validating input parameters: Microsoft.OData.ODataException: An undeclared property '{navigation}' which only has property annotations in the payload",
            error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_emulator.Server.GetRecords("phonecalls"));
    }

    [Fact]
    public async Task Upsert_RegardingBindToAnotherTable_Is400AndStoresNothing()
    {
        using var response = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})",
            $$"""{"subject":"a","regardingobjectid_account_phonecall@odata.bind":"/contacts({{JaneId}})"}""");

        Assert.Contains("Microsoft.Dynamics.CRM.account", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty(_emulator.Server.GetRecords("phonecalls"));
    }

    // phonecall's own navigation property (relationship Contact_Phonecalls), and the one it inherits from activitypointer
    // (Contact_ActivityPointers): the Web API reference lists both among phonecall's single-valued navigation properties.
    [Theory]
    [InlineData("regardingobjectid_contact_phonecall")]
    [InlineData("regardingobjectid_contact")]
    public async Task Upsert_RegardingBindPhonecallDeclares_SetsTheRegarding(string navigation)
    {
        using var response = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})",
            $$"""{"subject":"a","{{navigation}}@odata.bind":"/contacts({{JaneId}})"}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(JaneId, Assert.Single(_emulator.Server.GetRecords("phonecalls"))["_regardingobjectid_value"]!.ToString());
    }

    [Theory]
    [InlineData("partyid")]
    [InlineData("partyid_contacts")]
    [InlineData("partyid_phonecall")]
    public async Task Create_PartyBindActivityPartyDoesNotDeclare_Is400(string navigation)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/data/v9.2/phonecalls", $$"""
            {"subject":"a","phonecall_activity_parties":[{"participationtypemask":1,"{{navigation}}@odata.bind":"/contacts({{JaneId}})"}]}
            """);

        Assert.Contains($"undeclared property '{navigation}'", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty(_emulator.Server.GetRecords("phonecalls"));
    }

    [Fact]
    public async Task Upsert_SameIdTwice_KeepsOneCallWithTheLatestValues()
    {
        var body = $$"""{"subject":"Call","phonenumber":"+14255550101","directioncode":false,"actualstart":"2025-01-01T10:00:00Z","actualend":"2025-01-01T10:03:00Z","actualdurationminutes":3,"regardingobjectid_contact_phonecall@odata.bind":"/contacts({{JaneId}})"}""";
        using var first = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})", body);
        using var second = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})", body);
        using var closed = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})", """{"statecode":1,"statuscode":4}""");
        using var closedAgain = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})", """{"statecode":1,"statuscode":4}""");

        Assert.Equal(HttpStatusCode.NoContent, closedAgain.StatusCode);
        var stored = Assert.Single(_emulator.Server.GetRecords("phonecalls"));
        Assert.Equal(JaneId, stored["_regardingobjectid_value"]!.ToString());
        Assert.Equal(3, stored["actualdurationminutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_Upserts_ThenClosesTheCall()
    {
        using var created = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})", """{"subject":"Call"}""");
        using var closed = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})", """{"statecode":1,"statuscode":4}""");

        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        var call = await _emulator.GetJsonAsync($"api/data/v9.2/phonecalls({CallId})?$select=subject,statecode,statuscode");
        Assert.Equal("Call", call.GetProperty("subject").GetString());
        Assert.Equal(4, call.GetProperty("statuscode").GetInt32());
    }

    [Fact]
    public async Task Patch_IfNoneMatchStar_OnExisting_Is412()
    {
        using var created = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})", """{"subject":"Call"}""");
        using var again = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})", """{"subject":"Again"}""", ifNoneMatch: "*");

        await Json.AssertErrorAsync(again, HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Patch_IfMatchStar_OnMissing_Is404()
    {
        using var response = await SendAsync(HttpMethod.Patch, $"api/data/v9.2/phonecalls({CallId})", """{"subject":"Call"}""", ifMatch: "*");

        await Json.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public void GetRecords_UnknownSet_IsEmpty() => Assert.Empty(_emulator.Server.GetRecords("spaceships"));

    [Fact]
    public async Task Delete_RemovesTheRecord()
    {
        using var deleted = await SendAsync(HttpMethod.Delete, $"api/data/v9.2/contacts({JaneId})", null);
        using var again = await _emulator.GetAsync($"api/data/v9.2/contacts({JaneId})");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? json, string? prefer = null, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return _emulator.Client.SendAsync(request);
    }
}
