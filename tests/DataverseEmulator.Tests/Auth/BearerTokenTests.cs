using System.Net;
using DataverseEmulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DataverseEmulator.Tests.Auth;

public class BearerTokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await RunningEmulator.StartAsync(new EmulatorSettings { RequireToken = true, TimeProvider = _time });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task NoToken_Is401WithBearerChallenge()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/WhoAmI");

        await Json.AssertErrorAsync(response, HttpStatusCode.Unauthorized);

        // Dataverse sends the URIs unquoted, which HttpClient's typed WwwAuthenticate cannot parse; read it raw as clients do.
        var challenge = response.Headers.GetValues("WWW-Authenticate").Single();
        Assert.StartsWith($"Bearer authorization_uri={_emulator.Server.BaseUri}", challenge, StringComparison.Ordinal);
        Assert.Contains("/oauth2/authorize, resource_id=", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownToken_Is401()
    {
        using var response = await _emulator.GetAsync("api/data/v9.2/WhoAmI", token: "made-up");

        await Json.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("error=\"invalid_token\"", response.Headers.GetValues("WWW-Authenticate").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddedToken_IsAcceptedUntilItExpires()
    {
        _emulator.Server.Auth.AddToken("t1", _time.GetUtcNow().AddMinutes(5));

        using var before = await _emulator.GetAsync("api/data/v9.2/WhoAmI", token: "t1");
        _time.Advance(TimeSpan.FromMinutes(5));
        using var after = await _emulator.GetAsync("api/data/v9.2/WhoAmI", token: "t1");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("The access token has expired.", await Json.AssertErrorAsync(after, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task RevokedToken_Is401()
    {
        _emulator.Server.Auth.AddToken("t2", DateTimeOffset.MaxValue);
        _emulator.Server.Auth.Revoke("t2");

        using var response = await _emulator.GetAsync("api/data/v9.2/WhoAmI", token: "t2");

        await Json.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task IssuedToken_IsAccepted_AndBatchNeedsOneTokenOnly()
    {
        var token = _emulator.Server.Auth.IssueToken();
        var request = new HttpRequestMessage(HttpMethod.Post, "api/data/v9.2/$batch") { Content = BatchBody.Create("batch_t", ["WhoAmI"]) };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await _emulator.Client.SendAsync(request);

        Assert.Equal(200, Assert.Single(BatchBody.ReadParts(response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync())).Status);
    }

    [Fact]
    public async Task RequireToken_CanBeTurnedOffWhileRunning()
    {
        _emulator.Server.Auth.RequireToken = false;

        using var response = await _emulator.GetAsync("api/data/v9.2/WhoAmI");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_DoNotNeedAToken()
    {
        using var response = await _emulator.GetAsync("main.aspx?pagetype=search&searchText=Jane");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
