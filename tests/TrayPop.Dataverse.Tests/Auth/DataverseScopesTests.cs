using TrayPop.Dataverse;
using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Tests.Auth;

public sealed class DataverseScopesTests
{
    private static DataverseOptions Org(string url) => new() { Url = url };

    [Theory]
    [InlineData("https://contoso.crm.dynamics.com", "https://contoso.crm.dynamics.com/user_impersonation")]
    [InlineData("https://contoso.crm.dynamics.com/", "https://contoso.crm.dynamics.com/user_impersonation")]
    [InlineData("https://contoso.crm4.dynamics.com", "https://contoso.crm4.dynamics.com/user_impersonation")]
    [InlineData("https://crm.contoso.local/Contoso", "https://crm.contoso.local/user_impersonation")]
    [InlineData("http://127.0.0.1:5555", "http://127.0.0.1:5555/user_impersonation")]
    public void UserImpersonation_IsTheOrganisationOriginPlusScope(string url, string scope) =>
        Assert.Equal(scope, DataverseScopes.UserImpersonation(Org(url)));

    [Fact]
    public void Default_IsForConfidentialClients() =>
        Assert.Equal("https://contoso.crm.dynamics.com/.default", DataverseScopes.Default(Org("https://contoso.crm.dynamics.com")));

    [Fact]
    public void Authority_DefaultsToOrganizations() =>
        Assert.Equal("https://login.microsoftonline.com/organizations", DataverseScopes.Authority(new DataverseAuthOptions()));

    [Theory]
    [InlineData("https://adfs.contoso.com/adfs")]
    [InlineData("https://adfs.contoso.com/adfs/")]
    [InlineData("https://adfs.contoso.com/ADFS")]
    public void Authority_Adfs_HasNoTenant(string authority)
    {
        var auth = new DataverseAuthOptions { Authority = authority, TenantId = "contoso.onmicrosoft.com" };

        Assert.True(auth.IsAdfs);
        Assert.Equal(authority.TrimEnd('/'), DataverseScopes.Authority(auth));
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/")]
    [InlineData("https://adfs.contoso.com/adfs/ls")]
    [InlineData("https://login.contoso.com/adfsx")]
    public void Authority_NotEndingInAdfs_IsEntraId(string authority) =>
        Assert.False(new DataverseAuthOptions { Authority = authority }.IsAdfs);
}
