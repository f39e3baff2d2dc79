using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrayPop.Testing;

namespace TrayPop.Intake.Tests;

public sealed class HttpIntakeTests : IAsyncLifetime
{
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private string Crm => _service.Crm.BaseUri.AbsoluteUri;

    [Fact]
    public async Task GetCall_KnownNumber_OpensThatContactsRecord()
    {
        using var response = await _service.Http.GetAsync(new Uri("/call?number=%2B14255550101", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var expected = $"{Crm}main.aspx?pagetype=entityrecord&etn=contact&id={TestSeed.JaneId}";
        Assert.Equal([new Uri(expected)], _service.Launcher.Opened);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("opened", reply.RootElement.GetProperty("status").GetString());
        Assert.Equal("open-record", reply.RootElement.GetProperty("action").GetString());
        Assert.Equal("match", reply.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("Jane Doe", reply.RootElement.GetProperty("matches")[0].GetProperty("name").GetString());
        Assert.Equal(expected, reply.RootElement.GetProperty("url").GetString());
        Assert.True(reply.RootElement.GetProperty("elapsedMs").GetDouble() > 0);
    }

    [Fact]
    public async Task GetCall_UnknownNumber_OpensPrefilledNewContactForm()
    {
        using var response = await _service.Http.GetAsync(new Uri("/call?number=4255550188", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([new Uri($"{Crm}main.aspx?pagetype=entityrecord&etn=contact&extraqs=telephone1%3D%252B14255550188")], _service.Launcher.Opened);
    }

    [Fact]
    public async Task PostCall_Json_IsHandledLikeGet()
    {
        using var response = await _service.Http.PostAsJsonAsync("/call", new { number = "(425) 555-0101", type = "outbound" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(_service.Launcher.Opened);
        Assert.Contains(TestSeed.JaneId, _service.Launcher.Opened[0].AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCall_Form_IsHandledLikeGet()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["number"] = "+1 425 555 0101", ["type"] = "predictive" });

        using var response = await _service.Http.PostAsync(new Uri("/call", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(TestSeed.JaneId, _service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCall_MultipartForm_IsHandledLikeGet()
    {
        using var form = new MultipartFormDataContent { { new StringContent("+1 425 555 0101"), "number" }, { new StringContent("m-1"), "callId" } };

        using var response = await _service.Http.PostAsync(new Uri("/call", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(TestSeed.JaneId, _service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/call", "number is required")]
    [InlineData("/call?number=1&type=sideways", "type must be")]
    [InlineData("/pop?phase=ring", "number is required")]
    public async Task GetCall_Malformed_Answers400WithReasonAndKeepsServing(string path, string reason)
    {
        using var bad = await _service.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(reason, await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var good = await _service.Http.GetAsync(new Uri("/call?number=%2B14255550101", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
    }

    [Theory]
    [InlineData("application/json", "{\"number\":")]
    [InlineData("application/json", "[]")]
    [InlineData("text/plain", "number=1")]
    public async Task PostCall_MalformedBody_Answers400(string contentType, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        using var response = await _service.Http.PostAsync(new Uri("/call", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_service.Launcher.Opened);
    }

    [Fact]
    public async Task PostCall_OversizedBody_IsRefused()
    {
        using var content = new StringContent("{\"number\":\"" + new string('1', 64 * 1024) + "\"}", Encoding.UTF8, "application/json");

        using var response = await _service.Http.PostAsync(new Uri("/call", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_service.Launcher.Opened);
    }

    [Fact]
    public async Task GetPop_RedirectsToTheRecordWithoutLaunchingABrowser()
    {
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _service.Http.BaseAddress };

        using var response = await noRedirect.GetAsync(new Uri("/pop?number=%2B14255550101", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Crm}main.aspx?pagetype=entityrecord&etn=contact&id={TestSeed.JaneId}", response.Headers.Location!.AbsoluteUri);
        Assert.Empty(_service.Launcher.Opened);
    }

    [Fact]
    public async Task GetPop_SeveralMatches_AnswersAPageListingEachRecord_AndOpensNothing()
    {
        using var response = await _service.Http.GetAsync(new Uri("/pop?number=%2B12065550100", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 records match +1 206 555 0100: choose one.", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Crm}main.aspx?pagetype=entityrecord&amp;etn=contact&amp;id={TestSeed.SwitchboardA}\">Ann Switch (contact)</a>", html, StringComparison.Ordinal);
        Assert.Contains($"id={TestSeed.SwitchboardB}\">Bob Switch (contact)</a>", html, StringComparison.Ordinal);
        Assert.Empty(_service.Launcher.Opened);
    }

    [Fact]
    public async Task GetHealth_ReportsVersionCrmAndListener()
    {
        using var response = await _service.Http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(health.RootElement.GetProperty("crm").GetProperty("reachable").GetBoolean());
        Assert.Equal(_service.Port, health.RootElement.GetProperty("listener").GetProperty("port").GetInt32());
        Assert.False(string.IsNullOrEmpty(health.RootElement.GetProperty("version").GetString()));
    }

    [Theory]
    [InlineData("Host", "evil.example")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task GetCall_FromAWebPageOrForeignHost_IsForbidden(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/call?number=%2B14255550101");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await _service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_service.Launcher.Opened);
    }

    [Fact]
    public async Task GetPop_TopLevelNavigationFromTheSoftphone_IsAllowed()
    {
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _service.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/pop?number=%2B14255550101");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "none");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Mode", "navigate");

        using var response = await noRedirect.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
