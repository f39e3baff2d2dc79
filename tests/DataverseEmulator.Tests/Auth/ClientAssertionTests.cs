using System.Net;
using System.Security.Cryptography.X509Certificates;
using DataverseEmulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Testing;

namespace DataverseEmulator.Tests.Auth;

/// <summary>The token endpoint's certificate sign-in: a signed client assertion checked as Entra ID checks it.</summary>
public sealed class ClientAssertionTests : IAsyncLifetime, IDisposable
{
    private const string TokenPath = "contoso.onmicrosoft.com/oauth2/v2.0/token";
    private const string ClientId = "0f3a1c2e-1111-4222-8333-444455556666";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly X509Certificate2 _registered = ClientCertificate.Create();
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await RunningEmulator.StartAsync(new EmulatorSettings { RequireToken = true, TimeProvider = _time });
        _emulator.Server.Auth.AddClientCertificate(ClientId, ClientCertificate.PublicOnly(_registered));
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _registered.Dispose();

    private string Endpoint => _emulator.Server.BaseUri + TokenPath;

    private string Assertion(
        X509Certificate2? signer = null, string? audience = null, string issuer = ClientId, string? subject = null,
        TimeSpan? expiresIn = null, string alg = "RS256", X509Certificate2? named = null, bool datesAsStrings = false) =>
        SignedAssertion.Create(
            signer ?? _registered, audience ?? Endpoint, issuer, _time.GetUtcNow() + (expiresIn ?? TimeSpan.FromMinutes(10)),
            notBefore: _time.GetUtcNow(), alg: alg, namedCertificate: named, subject: subject, datesAsStrings: datesAsStrings);

    [Theory]
    [InlineData("RS256")]
    [InlineData("PS256")]
    public async Task SignedByTheRegisteredCertificate_IssuesATokenTheWebApiAccepts(string alg)
    {
        using var response = await RequestTokenAsync(Form(Assertion(alg: alg)));
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var whoAmI = await _emulator.GetAsync("api/data/v9.2/WhoAmI", token: body.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, whoAmI.StatusCode);
    }

    [Fact]
    public async Task SignedByACertificateNotRegistered_Is401_KeyNotFound()
    {
        using var other = ClientCertificate.Create();

        using var response = await RequestTokenAsync(Form(Assertion(signer: other)));

        var description = await AssertAadErrorAsync(response, "AADSTS700027");
        Assert.Contains("is not registered on application", description, StringComparison.Ordinal);
        Assert.Contains(other.GetCertHashString(), description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamingTheRegisteredCertificate_ButSignedByAnotherKey_FailsSignatureValidation()
    {
        using var other = ClientCertificate.Create(otherKey: true);

        using var response = await RequestTokenAsync(Form(Assertion(signer: other, named: _registered)));

        var description = await AssertAadErrorAsync(response, "AADSTS700027");
        Assert.Contains("failed signature validation", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAudience_Is401()
    {
        using var response = await RequestTokenAsync(Form(Assertion(audience: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")));

        await AssertAadErrorAsync(response, "AADSTS700023");
    }

    [Theory]
    [InlineData("9f3a1c2e-1111-4222-8333-444455556666", null)]
    [InlineData(ClientId, "9f3a1c2e-1111-4222-8333-444455556666")]
    public async Task IssuerOrSubjectNotTheClient_Is401(string issuer, string? subject)
    {
        using var response = await RequestTokenAsync(Form(Assertion(issuer: issuer, subject: subject)));

        await AssertAadErrorAsync(response, "AADSTS700021");
    }

    [Fact]
    public async Task Expired_Is401_NotWithinItsValidTimeRange()
    {
        var assertion = Assertion(expiresIn: TimeSpan.FromMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(16));

        using var response = await RequestTokenAsync(Form(assertion));

        await AssertAadErrorAsync(response, "AADSTS700024");
    }

    [Fact]
    public async Task DatesAsStringsOfDigits_AsMsalSendsThem_AreRead()
    {
        using var fresh = await RequestTokenAsync(Form(Assertion(alg: "PS256", datesAsStrings: true)));
        var stale = Assertion(alg: "PS256", datesAsStrings: true);
        _time.Advance(TimeSpan.FromMinutes(16));
        using var expired = await RequestTokenAsync(Form(stale));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        await AssertAadErrorAsync(expired, "AADSTS700024");
    }

    [Fact]
    public async Task WithinTheClockSkew_IsAccepted()
    {
        var assertion = Assertion(expiresIn: TimeSpan.FromMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(14));

        using var response = await RequestTokenAsync(Form(assertion));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    public async Task Malformed_Is401(string assertion)
    {
        using var response = await RequestTokenAsync(Form(assertion));

        await AssertAadErrorAsync(response, "AADSTS50027");
    }

    [Fact]
    public async Task UnsupportedAlgorithm_Is401()
    {
        using var response = await RequestTokenAsync(Form(Assertion(alg: "HS256")));

        await AssertAadErrorAsync(response, "AADSTS5002738");
    }

    [Fact]
    public async Task ASecret_ForACertificateOnlyClient_IsTheWrongSecret()
    {
        var form = Form("unused");
        form.Remove("client_assertion");
        form.Remove("client_assertion_type");
        form["client_secret"] = "guess";

        using var response = await RequestTokenAsync(form);

        await AssertAadErrorAsync(response, "AADSTS7000215");
    }

    [Fact]
    public async Task AnAssertionOfAnotherType_Is400()
    {
        var form = Form(Assertion());
        form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:saml2-bearer";

        using var response = await RequestTokenAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Dictionary<string, string> Form(string assertion) => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = ClientId,
        ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        ["client_assertion"] = assertion,
        ["scope"] = "https://org.crm.dynamics.com/.default",
    };

    private Task<HttpResponseMessage> RequestTokenAsync(Dictionary<string, string> form) =>
        _emulator.Client.PostAsync(TokenPath, new FormUrlEncodedContent(form));

    private static async Task<string> AssertAadErrorAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        var description = body.GetProperty("error_description").GetString()!;
        Assert.StartsWith(code + ":", description, StringComparison.Ordinal);
        return description;
    }
}
