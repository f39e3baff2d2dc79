using System.Net;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.WebApi;

public class ErrorResponseTests : IAsyncLifetime
{
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task UnparsableFilter_Is400WithPosition()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/contacts?$filter=fullname eq 'Jane' and");

        var message = await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at position 22 in 'fullname eq 'Jane' and'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownColumnInFilter_Is400NamingIt()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/contacts?$filter=homephone eq '1'");

        var message = await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Could not find a property named 'homephone' on type 'Microsoft.Dynamics.CRM.contact'.", message);
    }

    [Fact]
    public async Task UnknownColumnInSelect_Is400()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/contacts?$select=fullname,homephone");

        Assert.Contains("homephone", await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$top=x")]
    [InlineData("$skip=2")]
    [InlineData("$orderby=fullname sideways")]
    [InlineData("$count=maybe")]
    [InlineData("$frobnicate=1")]
    [InlineData("$skiptoken=nonsense")]
    public async Task BadQueryOption_Is400(string query)
    {
        using var response = await _emulator.GetAsync($"api/data/v9.2/contacts?{query}");

        await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownEntitySet_Is404()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/contactz");

        Assert.Equal("Resource not found for the segment 'contactz'.", await Json.AssertErrorAsync(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task UnknownId_Is404()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/contacts(00000000-0000-0000-0000-000000000001)");

        var message = await Json.AssertErrorAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("Does Not Exist", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedVersion_Is404()
    {
        using var response = await _emulator.GetAsync("api/data/v8.2/contacts");

        await Json.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MalformedKey_Is400()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/contacts(not-a-guid)");

        await Json.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostToWhoAmI_Is405()
    {
        using var response = await _emulator.Client.PostAsync("api/data/v9.2/WhoAmI", new StringContent("{}"));

        await Json.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task PutOnCollection_Is405()
    {
        using var response = await _emulator.Client.PutAsync("api/data/v9.2/contacts", new StringContent("{}"));

        await Json.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task GetOnBatch_Is405()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/$batch");

        await Json.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed);
    }
}
