using System.Net;
using DataverseEmulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DataverseEmulator.Tests.Auth;

public class TokenEndpointTests : IAsyncLifetime
{
    private const string TokenPath = "contoso.onmicrosoft.com/oauth2/v2.0/token";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await RunningEmulator.StartAsync(new EmulatorSettings { RequireToken = true, TimeProvider = _time });
        _emulator.Server.Auth.AddClient("app-1", "s3cret");
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task ClientCredentials_IssuesATokenTheWebApiAccepts()
    {
        using var response = await RequestTokenAsync(Form());
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        using var whoAmI = await _emulator.GetAsync("api/data/v9.2/WhoAmI", token: body.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, whoAmI.StatusCode);
    }

    [Fact]
    public async Task TokenLifetime_IsConfigurable_AndTheTokenExpires()
    {
        _emulator.Server.Auth.TokenLifetime = TimeSpan.FromMinutes(2);

        using var response = await RequestTokenAsync(Form());
        var body = await Json.ReadAsync(response);
        var token = body.GetProperty("access_token").GetString();
        _time.Advance(TimeSpan.FromMinutes(2));
        using var whoAmI = await _emulator.GetAsync("api/data/v9.2/WhoAmI", token: token);

        Assert.Equal(120, body.GetProperty("expires_in").GetInt32());
        await Json.AssertErrorAsync(whoAmI, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WrongSecret_Is401InvalidClient()
    {
        using var response = await RequestTokenAsync(Form(secret: "nope"));

        await AssertAadErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", "AADSTS7000215");
    }

    [Fact]
    public async Task UnknownClient_Is400UnauthorizedClient()
    {
        using var response = await RequestTokenAsync(Form(clientId: "someone-else"));

        await AssertAadErrorAsync(response, HttpStatusCode.BadRequest, "unauthorized_client", "AADSTS700016");
    }

    [Fact]
    public async Task OtherGrant_Is400UnsupportedGrantType()
    {
        using var response = await RequestTokenAsync(Form(grant: "password"));

        await AssertAadErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type", "AADSTS70003");
    }

    [Fact]
    public async Task ScopeWithoutDefault_Is400InvalidScope()
    {
        using var response = await RequestTokenAsync(Form(scope: "https://org.crm.dynamics.com/user_impersonation"));

        await AssertAadErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope", "AADSTS1002012");
    }

    [Fact]
    public async Task NotAForm_Is400InvalidRequest()
    {
        using var response = await _emulator.Client.PostAsync(TokenPath, new StringContent("{}"));

        await AssertAadErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", "AADSTS900144");
    }

    [Fact]
    public async Task Discovery_NamesTheTokenEndpoint()
    {
        var body = await _emulator.GetJsonAsync("contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration");

        Assert.Equal($"{_emulator.Server.BaseUri}{TokenPath}", body.GetProperty("token_endpoint").GetString());
    }

    private static Dictionary<string, string> Form(string grant = "client_credentials", string clientId = "app-1", string secret = "s3cret", string scope = "https://org.crm.dynamics.com/.default") => new()
    {
        ["grant_type"] = grant,
        ["client_id"] = clientId,
        ["client_secret"] = secret,
        ["scope"] = scope,
    };

    private Task<HttpResponseMessage> RequestTokenAsync(Dictionary<string, string> form) =>
        _emulator.Client.PostAsync(TokenPath, new FormUrlEncodedContent(form));

    private static async Task AssertAadErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.StartsWith(code + ":", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }
}
