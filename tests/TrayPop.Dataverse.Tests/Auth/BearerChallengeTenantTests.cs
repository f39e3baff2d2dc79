using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Tests.Auth;

/// <summary>The tenant in Dataverse's 401 challenge, as Dataverse online, the emulator and odd servers send it.</summary>
public sealed class BearerChallengeTenantTests
{
    private const string Tenant = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";

    [Theory]
    [InlineData($"authorization_uri=https://login.microsoftonline.com/{Tenant}/oauth2/authorize, resource_id=https://contoso.crm.dynamics.com/")]
    [InlineData($"authorization_uri=\"https://login.microsoftonline.com/{Tenant}/oauth2/authorize\"")]
    [InlineData($"resource_id=https://contoso.crm.dynamics.com/, authorization_uri=https://login.microsoftonline.us/{Tenant}/oauth2/authorize")]
    [InlineData($"AUTHORIZATION_URI=https://login.microsoftonline.com/{Tenant}/oauth2/v2.0/authorize")]
    [InlineData($"authorization_uri=http://127.0.0.1:5555/{Tenant}/oauth2/authorize, resource_id=http://127.0.0.1:5555/, error=\"invalid_token\", error_description=\"The access token has expired, sign in again.\"")]
    [InlineData($"error_description=\"a, b = c\", authorization_uri=https://login.microsoftonline.com/{Tenant}/oauth2/authorize")]
    public void Challenge_NamesTheTenant(string parameters) =>
        Assert.Equal(Tenant, BearerChallengeTenant.FromParameters(parameters));

    [Fact]
    public void Challenge_WithADomain_NamesIt() =>
        Assert.Equal("contoso.onmicrosoft.com", BearerChallengeTenant.FromParameters("authorization_uri=https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/authorize"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("resource_id=https://contoso.crm.dynamics.com/")]
    [InlineData("authorization_uri=https://login.microsoftonline.com/oauth2/authorize")]
    [InlineData("authorization_uri=https://adfs.contoso.com/adfs/oauth2/authorize")]
    [InlineData("authorization_uri=https://login.microsoftonline.com/not a tenant/oauth2/authorize")]
    [InlineData("authorization_uri=ftp://login.microsoftonline.com/contoso.com/oauth2/authorize")]
    [InlineData("authorization_uri=\"https://login.microsoftonline.com/contoso.com/oauth2/authorize")]
    [InlineData("authorization_uri")]
    [InlineData("authorization_uri=/contoso.com/oauth2/authorize")]
    public void Challenge_WithoutAUsableTenant_NamesNone(string? parameters) =>
        Assert.Null(BearerChallengeTenant.FromParameters(parameters));

    [Fact]
    public void HeaderValues_TheFirstBearerChallengeWithATenantWins() =>
        Assert.Equal(Tenant, BearerChallengeTenant.From(
        [
            "Negotiate",
            "Bearer realm=\"x\"",
            $"bearer authorization_uri=https://login.microsoftonline.com/{Tenant}/oauth2/authorize, resource_id=https://contoso.crm.dynamics.com/",
            "Bearer authorization_uri=https://login.microsoftonline.com/other.example.com/oauth2/authorize",
        ]));
}
