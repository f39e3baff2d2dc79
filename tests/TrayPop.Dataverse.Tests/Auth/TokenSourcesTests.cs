using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Auth;
using TrayPop.Testing;

namespace TrayPop.Dataverse.Tests.Auth;

/// <summary>Which token source each mode selects, and what the MSAL public client is built with (no network involved).</summary>
public sealed class TokenSourcesTests
{
    private static ServiceProvider Services(DataverseAuthOptions auth, string url = "https://contoso.crm.dynamics.com")
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new DataverseOptions { Url = url, Auth = auth }));
        services.AddSingleton(Options.Create(new Core.Pop.PopOptions()));
        services.AddDataverseClient();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void None_SendsNoToken()
    {
        using var services = Services(new DataverseAuthOptions { Mode = DataverseAuthMode.None });
        Assert.IsType<NoTokenSource>(services.GetRequiredService<IAccessTokenSource>());
    }

    [Fact]
    public void Token_SendsTheConfiguredToken_AndCannotReplaceIt()
    {
        using var services = Services(new DataverseAuthOptions { Mode = DataverseAuthMode.Token, Token = "t" });
        var source = Assert.IsType<StaticTokenSource>(services.GetRequiredService<IAccessTokenSource>());

        Assert.False(source.Invalidate("t"));
    }

    [Fact]
    public void ClientSecret_IsMsalsConfidentialClient_Cached()
    {
        using var services = Services(new DataverseAuthOptions { Mode = DataverseAuthMode.ClientSecret, TenantId = "contoso.onmicrosoft.com", ClientId = "c", ClientSecret = "s" });
        var source = Assert.IsType<CachingTokenSource>(services.GetRequiredService<IAccessTokenSource>());

        var msal = Assert.IsType<MsalConfidentialClientAcquirer>(source.Acquirer);
        Assert.Equal(["https://contoso.crm.dynamics.com/.default"], msal.Scopes);
    }

    [Theory]
    [InlineData(DataverseAuthMode.Interactive)]
    [InlineData(DataverseAuthMode.DeviceCode)]
    public void PublicClientModes_AreMsal_ForUserImpersonation(object mode)
    {
        using var services = Services(new DataverseAuthOptions { Mode = (DataverseAuthMode)mode, PersistTokenCache = false });
        var source = Assert.IsType<CachingTokenSource>(services.GetRequiredService<IAccessTokenSource>());
        var msal = Assert.IsType<MsalPublicClientAcquirer>(source.Acquirer);

        Assert.Equal(mode, msal.Mode);
        Assert.Equal(["https://contoso.crm.dynamics.com/user_impersonation"], msal.Scopes);
    }

    [Fact]
    public async Task Interactive_BuildsThePublicClient_WithTenantAndClient_AndNoBrokerOffWindows()
    {
        var auth = new DataverseAuthOptions { TenantId = "contoso.onmicrosoft.com", ClientId = "0f3a1c2e-1111-4222-8333-444455556666", PersistTokenCache = false };
        using var acquirer = new MsalPublicClientAcquirer(Options.Create(new DataverseOptions { Url = "https://contoso.crm.dynamics.com", Auth = auth }), NullLogger<MsalPublicClientAcquirer>.Instance);

        var app = await acquirer.GetAppAsync();

        Assert.Equal("0f3a1c2e-1111-4222-8333-444455556666", app.AppConfig.ClientId);
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/", app.Authority);
        Assert.Equal("http://localhost", app.AppConfig.RedirectUri);
        // The broker needs Windows and a window to parent its dialog to.
        Assert.False(acquirer.UsesBroker);
        Assert.Empty(await app.GetAccountsAsync());
    }

    [Fact]
    public async Task Interactive_WithoutClientId_UsesMicrosoftsSampleApp_WhenATrialAllowsIt()
    {
        using var acquirer = new MsalPublicClientAcquirer(
            Options.Create(new DataverseOptions { Url = "https://contoso.crm.dynamics.com", Auth = new DataverseAuthOptions { PersistTokenCache = false, AllowSampleClient = true } }),
            NullLogger<MsalPublicClientAcquirer>.Instance);

        var app = await acquirer.GetAppAsync();

        Assert.Equal(DataverseAuthOptions.SampleClientId, app.AppConfig.ClientId);
        Assert.Equal("https://login.microsoftonline.com/organizations/", app.Authority);
    }

    [Fact]
    public async Task Interactive_AdfsAuthority_IsUsedWithoutATenant_AndWithoutTheBroker()
    {
        var auth = new DataverseAuthOptions { ClientId = "0f3a1c2e-1111-4222-8333-444455556666", Authority = "https://adfs.contoso.com/adfs", PersistTokenCache = false };
        var options = Options.Create(new DataverseOptions { Url = "https://crm.contoso.com/Contoso", Auth = auth });
        using var handler = new Support.AnsweringHandler(_ => throw new InvalidOperationException("AD FS has no tenant to discover"));
        using var tenants = new TenantDiscovery(new Support.SingleClientFactory(handler), options, NullLogger<TenantDiscovery>.Instance);
        using var acquirer = new MsalPublicClientAcquirer(options, NullLogger<MsalPublicClientAcquirer>.Instance, tenants: tenants);

        var app = await acquirer.GetAppAsync();

        Assert.Equal("https://adfs.contoso.com/adfs/", app.Authority);
        Assert.False(acquirer.UsesBroker);
        Assert.Equal(TenantSource.Adfs, (await tenants.ResolveAsync(CancellationToken.None)).Source);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public void Windows_SendsNoBearer_ButNegotiatesOnTheConnection()
    {
        using var services = Services(new DataverseAuthOptions { Mode = DataverseAuthMode.Windows }, url: "https://crm.contoso.local/Contoso");

        Assert.IsType<NoTokenSource>(services.GetRequiredService<IAccessTokenSource>());
        var handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(DataverseClient));
        var primary = Primary(handler);
        var credentials = Assert.IsType<CredentialCache>(primary.Credentials);
        var origin = new Uri("https://crm.contoso.local");
        Assert.Same(CredentialCache.DefaultNetworkCredentials, credentials.GetCredential(origin, "Negotiate"));
        Assert.Same(CredentialCache.DefaultNetworkCredentials, credentials.GetCredential(origin, "NTLM"));
        // Never Basic (a password in clear), never another host.
        Assert.Null(credentials.GetCredential(origin, "Basic"));
        Assert.Null(credentials.GetCredential(new Uri("https://elsewhere.contoso.com"), "Negotiate"));
    }

    [Fact]
    public void Windows_WithAnAccount_UsesIt()
    {
        var auth = new DataverseAuthOptions { Mode = DataverseAuthMode.Windows, UserName = "agent7", Password = "p", Domain = "CONTOSO" };
        var credential = WindowsCredentials.For(auth);

        Assert.Equal(("agent7", "p", "CONTOSO"), (credential.UserName, credential.Password, credential.Domain));
        Assert.Equal(@"CONTOSO\agent7 (Windows sign-in with the configured account)", WindowsCredentials.Describe(auth));
    }

    [Theory]
    [InlineData(DataverseAuthMode.None)]
    [InlineData(DataverseAuthMode.Token)]
    public void OtherModes_SendNoWindowsCredentials(object mode)
    {
        using var services = Services(new DataverseAuthOptions { Mode = (DataverseAuthMode)mode, Token = "t" });
        var handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(DataverseClient));

        Assert.Null(Primary(handler).Credentials);
    }

    [Fact]
    public async Task MemoryOnlyCache_IsSaidInTheLog()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var cache = Microsoft.Identity.Client.PublicClientApplicationBuilder.Create(DataverseAuthOptions.SampleClientId).Build().UserTokenCache;

        var persisted = await MsalTokenCache.AttachAsync(cache, new DataverseAuthOptions { PersistTokenCache = false }, factory.CreateLogger("test"));

        Assert.False(persisted);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("kept in memory only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PersistentCache_IsEncryptedOrStaysInMemory_NeverInClear()
    {
        var directory = Path.Combine(Path.GetTempPath(), "traypop-tests", "msal-" + Guid.NewGuid().ToString("N"));
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var cache = Microsoft.Identity.Client.PublicClientApplicationBuilder.Create(DataverseAuthOptions.SampleClientId).Build().UserTokenCache;

        var persisted = await MsalTokenCache.AttachAsync(cache, new DataverseAuthOptions { CacheDirectory = directory }, factory.CreateLogger("test"));

        // On Windows (DPAPI) and macOS (Keychain) it persists; on Linux only with a Secret Service keyring, else a warning.
        var said = persisted ? "kept encrypted in" : "kept in memory only";
        Assert.Contains(logs.Entries, e => e.Text.Contains(said, StringComparison.Ordinal));
        if (!persisted && OperatingSystem.IsLinux())
        {
            var file = Path.Combine(directory, MsalTokenCache.FileName);
            Assert.True(!File.Exists(file) || new FileInfo(file).Length == 0 || !File.ReadAllText(file).Contains("AccessToken", StringComparison.Ordinal));
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static SocketsHttpHandler Primary(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        return Assert.IsType<SocketsHttpHandler>(handler);
    }
}
