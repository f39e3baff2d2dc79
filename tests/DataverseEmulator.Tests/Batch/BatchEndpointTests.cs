using System.Net;
using System.Text.Json;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.Batch;

public class BatchEndpointTests : IAsyncLifetime
{
    private const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Batch_ThreeQueries_AnswersThreePartsInOrder_AndCountsOnce()
    {
        var absolute = $"{_emulator.Server.BaseUri}api/data/v9.2/accounts?$select=name&$filter=telephone1 eq '(206) 555-0100'";
        var content = BatchBody.Create("batch_abc", [
            "/api/data/v9.2/contacts?$select=fullname&$filter=contains(telephone1,'4%252%255%255%255%255%250%251%250%251')",
            absolute,
            "leads?$select=fullname&$filter=startswith(telephone1,'(425)')",
        ]);

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contentType = response.Content.Headers.ContentType!.ToString();
        Assert.StartsWith("multipart/mixed; boundary=batchresponse_", contentType, StringComparison.Ordinal);
        var parts = BatchBody.ReadParts(contentType, await response.Content.ReadAsStringAsync());
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p =>
        {
            Assert.Equal(200, p.Status);
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", p.Headers, StringComparison.Ordinal);
            Assert.Contains("Content-Type: application/json; odata.metadata=minimal", p.Headers, StringComparison.Ordinal);
            Assert.Contains("OData-Version: 4.0", p.Headers, StringComparison.Ordinal);
        });
        Assert.Contains("Jane Doe", Json.Names(JsonDocument.Parse(parts[0].Body).RootElement));
        Assert.Equal(["Fabrikam Inc"], Json.Names(JsonDocument.Parse(parts[1].Body).RootElement, "name"));
        Assert.Equal(["Kim Abercrombie"], Json.Names(JsonDocument.Parse(parts[2].Body).RootElement));
        Assert.Equal(1, _emulator.Server.ApiRequestCount);
        Assert.Equal("POST /api/data/v9.2/$batch", Assert.Single(_emulator.Server.ApiRequests));
    }

    [Fact]
    public async Task Batch_QuotedBoundaryAndBareLineFeeds_AreAccepted()
    {
        var body = $"--b1\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\nGET contacts({JaneId})?$select=fullname HTTP/1.1\n\n--b1--\n";
        var content = BatchBody.Raw("b1", body);
        content.Headers.ContentType!.Parameters.Single().Value = "\"b1\"";

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", content);

        var part = Assert.Single(BatchBody.ReadParts(response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync()));
        Assert.Equal(200, part.Status);
        Assert.Contains("Jane Doe", part.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_FailedRequest_StopsThereByDefault()
    {
        var content = BatchBody.Create("batch_x", ["contacts?$select=fullname&$top=1", "contactz", "accounts?$select=name"]);

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", content);

        var parts = BatchBody.ReadParts(response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync());
        Assert.Equal([200, 404], parts.Select(p => p.Status));
        Assert.StartsWith("HTTP/1.1 404 Not Found", parts[1].Headers, StringComparison.Ordinal);
        Assert.Equal("Resource not found for the segment 'contactz'.", JsonDocument.Parse(parts[1].Body).RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Batch_ContinueOnError_RunsEveryRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/data/v9.2/$batch")
        {
            Content = BatchBody.Create("batch_x", ["contacts?$select=fullname&$top=1", "contacts?$filter=fullname eq", "accounts?$select=name"]),
        };
        request.Headers.TryAddWithoutValidation("Prefer", "odata.continue-on-error");

        using var response = await _emulator.Client.SendAsync(request);

        var parts = BatchBody.ReadParts(response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync());
        Assert.Equal([200, 400, 200], parts.Select(p => p.Status));
    }

    [Fact]
    public async Task Batch_MoreThan1000Requests_Is400()
    {
        var content = BatchBody.Create("batch_big", Enumerable.Repeat("WhoAmI", 1001));

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", content);

        Assert.Contains("1000", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_Exactly1000Requests_IsAnswered()
    {
        var content = BatchBody.Create("batch_full", Enumerable.Repeat("WhoAmI", 1000));

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", content);

        Assert.Equal(1000, BatchBody.ReadParts(response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync()).Count);
    }

    [Theory]
    [InlineData("text/plain", "--b\r\n\r\n--b--\r\n")]
    [InlineData("multipart/mixed", "--b\r\n\r\n--b--\r\n")]
    [InlineData("multipart/mixed; boundary=b", "--b\r\nContent-Type: application/http\r\n\r\nGET contacts HTTP/1.1\r\n\r\n")]
    [InlineData("multipart/mixed; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nGET contacts HTTP/1.1\r\n\r\n--b--\r\n")]
    [InlineData("multipart/mixed; boundary=b", "--b\r\nContent-Type: application/http\r\n\r\nhello\r\n\r\n--b--\r\n")]
    [InlineData("multipart/mixed; boundary=b", "--b\r\nContent-Type: application/http\r\nno colon here\r\n\r\nGET contacts HTTP/1.1\r\n\r\n--b--\r\n")]
    public async Task Batch_Malformed_Is400WithODataError(string contentType, string body)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", content);

        await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Batch_ChangeSet_CreatesRecordsAndNestsTheAnswers()
    {
        var body = "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n" +
            "--changeset_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n" +
            "POST phonecalls HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"subject\":\"one\"}\r\n" +
            "--changeset_1--\r\n--batch_1--\r\n";

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", BatchBody.Raw("batch_1", body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("boundary=changesetresponse_", text, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 204 No Content", text, StringComparison.Ordinal);
        Assert.Contains("Content-ID: 1", text, StringComparison.Ordinal);
        var calls = await _emulator.GetJsonAsync("api/data/v9.2/phonecalls?$select=subject");
        Assert.Equal(["one"], Json.Names(calls, "subject"));
    }

    [Fact]
    public async Task Batch_ChangeSet_ContentIdReferencesNameEarlierCreates()
    {
        const string CallId = "0f0e0d0c-0000-4000-8000-0000000000c9";
        var body = "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n" +
            "--changeset_1\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\n" +
            "POST contacts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"fullname\":\"New Caller\",\"telephone1\":\"+1 425 555 0188\"}\r\n" +
            "--changeset_1\r\nContent-Type: application/http\r\nContent-ID: 2\r\n\r\n" +
            "POST phonecalls HTTP/1.1\r\nContent-Type: application/json\r\n\r\n" +
            "{\"activityid\":\"" + CallId + "\",\"subject\":\"Call\",\"regardingobjectid_contact_phonecall@odata.bind\":\"$1\"}\r\n" +
            "--changeset_1\r\nContent-Type: application/http\r\nContent-ID: 3\r\n\r\n" +
            "PATCH $1 HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"jobtitle\":\"Caller\"}\r\n" +
            "--changeset_1--\r\n--batch_1--\r\n";

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", BatchBody.Raw("batch_1", body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("HTTP/1.1 4", text, StringComparison.Ordinal);
        var contact = Assert.Single(_emulator.Server.GetRecords("contacts"), c => c["fullname"]?.ToString() == "New Caller");
        Assert.Equal("Caller", contact["jobtitle"]!.ToString());
        var call = Assert.Single(_emulator.Server.GetRecords("phonecalls"));
        Assert.Equal(contact["contactid"]!.ToString(), call["_regardingobjectid_value"]!.ToString());
    }

    [Fact]
    public async Task Batch_ChangeSetWithAFailure_UndoesItsWrites()
    {
        var body = "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n" +
            "--changeset_1\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\n" +
            "POST phonecalls HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"subject\":\"kept?\"}\r\n" +
            "--changeset_1\r\nContent-Type: application/http\r\nContent-ID: 2\r\n\r\n" +
            "POST phonecalls HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"no_such_column\":1}\r\n" +
            "--changeset_1--\r\n--batch_1--\r\n";

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", BatchBody.Raw("batch_1", body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains("HTTP/1.1 400 Bad Request", text, StringComparison.Ordinal);
        Assert.DoesNotContain("204 No Content", text, StringComparison.Ordinal);
        Assert.Empty(_emulator.Server.GetRecords("phonecalls"));
    }

    [Fact]
    public async Task Batch_GetInsideChangeSet_Is400()
    {
        var body = "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n" +
            "--changeset_1\r\nContent-Type: application/http\r\n\r\nGET contacts HTTP/1.1\r\n\r\n" +
            "--changeset_1--\r\n--batch_1--\r\n";

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", BatchBody.Raw("batch_1", body));

        Assert.Contains("change set", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_UrlOutsideTheServiceRoot_FailsThatPart()
    {
        var content = BatchBody.Create("batch_x", ["http://elsewhere.example/other/contacts"]);

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", content);

        Assert.Equal(400, Assert.Single(BatchBody.ReadParts(response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync())).Status);
    }
}
