using TrayPop.Dataverse;

namespace TrayPop.Dataverse.Tests;

/// <summary>Each sign-in mode's settings are checked at start, and a failure names the key.</summary>
public sealed class DataverseOptionsValidatorTests
{
    private const string Tenant = "contoso.onmicrosoft.com";
    private const string Client = "0f3a1c2e-1111-4222-8333-444455556666";

    private static IReadOnlyList<string> Failures(DataverseAuthOptions auth, string url = "https://contoso.crm.dynamics.com")
    {
        var result = new DataverseOptionsValidator().Validate(null, new DataverseOptions { Url = url, Auth = auth });
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Fact]
    public void Interactive_IsTheDefault_AndNeedsOnlyTheClientId() =>
        Assert.Empty(Failures(new DataverseAuthOptions { ClientId = Client }));

    [Theory]
    [InlineData(DataverseAuthMode.Interactive)]
    [InlineData(DataverseAuthMode.DeviceCode)]
    public void PublicClient_WithoutClientId_IsNotSetUp_NamingTheKeyAndTheMsiProperty(object mode)
    {
        var failure = Assert.Single(Failures(new DataverseAuthOptions { Mode = (DataverseAuthMode)mode }));

        Assert.StartsWith("TrayPop:Dataverse:Auth:ClientId is not set (MSI: CLIENT_ID)", failure, StringComparison.Ordinal);
        Assert.Contains("TrayPop:Dataverse:Auth:AllowSampleClient=true (MSI: ALLOW_SAMPLE_CLIENT=1)", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DataverseAuthMode.Interactive)]
    [InlineData(DataverseAuthMode.DeviceCode)]
    public void PublicClient_WithoutClientId_StartsForATrial_WhenTheSampleAppIsAllowed(object mode)
    {
        var auth = new DataverseAuthOptions { Mode = (DataverseAuthMode)mode, AllowSampleClient = true };

        Assert.Empty(Failures(auth));
        Assert.Equal(DataverseAuthOptions.SampleClientId, auth.EffectiveClientId);
        Assert.True(auth.UsesSampleClient);
    }

    [Fact]
    public void PublicClient_OwnClientId_WinsOverTheSampleApp()
    {
        var auth = new DataverseAuthOptions { ClientId = Client, AllowSampleClient = true };

        Assert.Equal(Client, auth.EffectiveClientId);
        Assert.False(auth.UsesSampleClient);
    }

    [Theory]
    [InlineData(DataverseAuthMode.Windows)]
    [InlineData(DataverseAuthMode.None)]
    public void ModesWithoutAnAppRegistration_NeedNoClientId(object mode) =>
        Assert.Empty(Failures(new DataverseAuthOptions { Mode = (DataverseAuthMode)mode }, url: "https://crm.contoso.local/Contoso"));

    [Fact]
    public void Interactive_WithTenantAndClient_IsFine() =>
        Assert.Empty(Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.Interactive, TenantId = Tenant, ClientId = Client }));

    [Theory]
    [InlineData(DataverseAuthMode.Interactive)]
    [InlineData(DataverseAuthMode.DeviceCode)]
    public void PublicClient_ClientIdNotAGuid_NamesTheKey(object mode) =>
        Assert.Contains(Failures(new DataverseAuthOptions { Mode = (DataverseAuthMode)mode, ClientId = "my-app" }), f => f.StartsWith("TrayPop:Dataverse:Auth:ClientId must be", StringComparison.Ordinal));

    [Theory]
    [InlineData("contoso")]
    [InlineData("https://login.microsoftonline.com/contoso")]
    [InlineData("a b.com")]
    public void TenantId_NeitherGuidNorDomain_NamesTheKey(string tenant) =>
        Assert.Contains(Failures(new DataverseAuthOptions { TenantId = tenant }), f => f.StartsWith("TrayPop:Dataverse:Auth:TenantId must be", StringComparison.Ordinal));

    [Theory]
    [InlineData("organizations")]
    [InlineData("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01")]
    [InlineData("contoso.onmicrosoft.com")]
    public void TenantId_GuidDomainOrOrganizations_IsFineForInteractive(string tenant) =>
        Assert.Empty(Failures(new DataverseAuthOptions { TenantId = tenant, ClientId = Client }));

    [Fact]
    public void PublicClient_HttpAuthority_IsRefused_BecauseMsalRefusesIt() =>
        Assert.Contains(Failures(new DataverseAuthOptions { Authority = "http://127.0.0.1:5555/" }), f => f.StartsWith("TrayPop:Dataverse:Auth:Authority must be an https URL", StringComparison.Ordinal));

    [Fact]
    public void PublicClient_PlainHttpOrganisation_IsRefused_SoNoTokenCrossesTheNetworkInClear() =>
        Assert.Contains(Failures(new DataverseAuthOptions(), url: "http://crm.contoso.local"), f => f.StartsWith("TrayPop:Dataverse:Url must be https for Interactive", StringComparison.Ordinal));

    [Fact]
    public void PublicClient_RelativeCacheDirectory_NamesTheKey() =>
        Assert.Contains(Failures(new DataverseAuthOptions { CacheDirectory = "cache" }), f => f.StartsWith("TrayPop:Dataverse:Auth:CacheDirectory", StringComparison.Ordinal));

    [Fact]
    public void ClientSecret_Complete_IsFine() =>
        Assert.Empty(Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.ClientSecret, TenantId = Tenant, ClientId = Client, ClientSecret = "x" }));

    [Fact]
    public void ClientSecret_LoopbackHttpAuthority_IsRefused_AsMsalRefusesIt() =>
        Assert.Contains(
            Failures(
                new DataverseAuthOptions { Mode = DataverseAuthMode.ClientSecret, TenantId = Tenant, ClientId = Client, ClientSecret = "x", Authority = "http://127.0.0.1:5555/" },
                url: "http://127.0.0.1:5555"),
            f => f.StartsWith("TrayPop:Dataverse:Auth:Authority must be an https URL", StringComparison.Ordinal));

    [Fact]
    public void ClientSecret_RemoteHttpAuthority_IsRefused() =>
        Assert.Contains(
            Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.ClientSecret, TenantId = Tenant, ClientId = Client, ClientSecret = "x", Authority = "http://login.contoso.com/" }),
            f => f.StartsWith("TrayPop:Dataverse:Auth:Authority", StringComparison.Ordinal));

    [Fact]
    public void ClientSecret_Missing_NamesEachKey()
    {
        var failures = Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.ClientSecret });

        Assert.Contains(failures, f => f.StartsWith("TrayPop:Dataverse:Auth:TenantId is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TrayPop:Dataverse:Auth:ClientId is not set (MSI: CLIENT_ID)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TrayPop:Dataverse:Auth:ClientSecret is required", StringComparison.Ordinal));
    }

    [Fact]
    public void ClientCertificate_Missing_NamesEachKey()
    {
        var failures = Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.ClientCertificate });

        Assert.Contains(failures, f => f.StartsWith("TrayPop:Dataverse:Auth:TenantId is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TrayPop:Dataverse:Auth:ClientId is not set (MSI: CLIENT_ID)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TrayPop:Dataverse:Auth:CertificatePath (a PFX file", StringComparison.Ordinal));
    }

    [Fact]
    public void ClientSecret_CommonTenant_IsRefused() =>
        Assert.Contains(
            Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.ClientSecret, TenantId = "common", ClientId = Client, ClientSecret = "x" }),
            f => f.StartsWith("TrayPop:Dataverse:Auth:TenantId must name one tenant", StringComparison.Ordinal));

    [Fact]
    public void Windows_WithoutAccount_IsFine() =>
        Assert.Empty(Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.Windows }, url: "https://crm.contoso.local/Contoso"));

    [Theory]
    [InlineData(DataverseAuthMode.Interactive)]
    [InlineData(DataverseAuthMode.DeviceCode)]
    [InlineData(DataverseAuthMode.ClientSecret)]
    [InlineData(DataverseAuthMode.ClientCertificate)]
    [InlineData(DataverseAuthMode.Windows)]
    [InlineData(DataverseAuthMode.Token)]
    [InlineData(DataverseAuthMode.None)]
    public void EveryMode_PlainHttpToAnotherMachine_IsRefused(object mode) =>
        Assert.Contains(
            Failures(new DataverseAuthOptions { Mode = (DataverseAuthMode)mode, Token = "t", TenantId = Tenant, ClientId = Client, ClientSecret = "x" }, url: "http://crm.contoso.local/Contoso"),
            f => f.StartsWith($"TrayPop:Dataverse:Url must be https for {mode} sign-in", StringComparison.Ordinal));

    [Theory]
    [InlineData("http://127.0.0.1:5555")]
    [InlineData("http://localhost:5555")]
    [InlineData("http://[::1]:5555")]
    public void Token_PlainHttpOnThisMachine_IsFine(string url) =>
        Assert.Empty(Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.Token, Token = "t" }, url: url));

    [Fact]
    public void Windows_UserWithoutPassword_NamesTheKey() =>
        Assert.Contains(Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.Windows, UserName = "agent" }), f => f.StartsWith("TrayPop:Dataverse:Auth:Password is required", StringComparison.Ordinal));

    [Fact]
    public void Windows_PasswordWithoutUser_NamesTheKey() =>
        Assert.Contains(Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.Windows, Password = "p" }), f => f.StartsWith("TrayPop:Dataverse:Auth:UserName is required", StringComparison.Ordinal));

    [Fact]
    public void Token_WithoutToken_NamesTheKey() =>
        Assert.Contains(Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.Token }), f => f.StartsWith("TrayPop:Dataverse:Auth:Token is required", StringComparison.Ordinal));

    [Fact]
    public void None_NeedsNothing() =>
        Assert.Empty(Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.None }, url: "http://127.0.0.1:5555"));

    [Fact]
    public void UnknownMode_NamesTheKey() =>
        Assert.Contains(Failures(new DataverseAuthOptions { Mode = (DataverseAuthMode)42 }), f => f.StartsWith("TrayPop:Dataverse:Auth:Mode must be", StringComparison.Ordinal));

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(1L << 40)]
    public void MaxResponseBytes_OutOfRange_NamesTheKey(long bytes)
    {
        var result = new DataverseOptionsValidator().Validate(null, new DataverseOptions { Url = "https://contoso.crm.dynamics.com", MaxResponseBytes = bytes });

        Assert.Contains(result.Failures ?? [], f => f.StartsWith("TrayPop:Dataverse:MaxResponseBytes must be", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxResponseBytes_DefaultsToFourMegabytes() =>
        Assert.Equal(4 * 1024 * 1024, new DataverseOptions().MaxResponseBytes);

    [Theory]
    [InlineData(DataverseAuthMode.Interactive)]
    [InlineData(DataverseAuthMode.DeviceCode)]
    public void PublicClient_AdfsAuthority_IsFine(object mode) =>
        Assert.Empty(Failures(new DataverseAuthOptions { Mode = (DataverseAuthMode)mode, ClientId = Client, Authority = "https://adfs.contoso.com/adfs" }, url: "https://crm.contoso.com/Contoso"));

    [Fact]
    public void ClientSecret_AdfsAuthority_NeedsNoTenant() =>
        Assert.Empty(Failures(new DataverseAuthOptions { Mode = DataverseAuthMode.ClientSecret, ClientId = Client, ClientSecret = "x", Authority = "https://adfs.contoso.com/adfs/" }));

    [Theory]
    [InlineData(DataverseAuthMode.Interactive)]
    [InlineData(DataverseAuthMode.DeviceCode)]
    [InlineData(DataverseAuthMode.ClientSecret)]
    [InlineData(DataverseAuthMode.ClientCertificate)]
    [InlineData(DataverseAuthMode.Windows)]
    [InlineData(DataverseAuthMode.Token)]
    [InlineData(DataverseAuthMode.None)]
    public void EveryMode_PlainHttpAuthorityOnAnotherMachine_IsRefused(object mode) =>
        Assert.Contains(
            Failures(new DataverseAuthOptions { Mode = (DataverseAuthMode)mode, Token = "t", TenantId = Tenant, ClientId = Client, ClientSecret = "x", Authority = "http://adfs.contoso.com/adfs" }),
            f => f.StartsWith("TrayPop:Dataverse:Auth:Authority must be", StringComparison.Ordinal));
}
