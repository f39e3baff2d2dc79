using DataverseEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Tests.Auth;

/// <summary>Without a TenantId, Dataverse (here the emulator) is asked once and names its tenant in the 401 challenge.</summary>
public sealed class TenantDiscoveryTests
{
    private const string ResourceTenant = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";

    [Fact]
    public async Task WithoutTenantId_TheChallengeNamesTheResourceTenant_AskedOnce()
    {
        await using var crm = await EmulatorServer.StartAsync(TestSeed.Create(), new EmulatorSettings { RequireToken = true, TenantId = ResourceTenant });
        using var services = Services(crm, new DataverseAuthOptions { ClientId = DataverseHarness.ClientId });
        var discovery = services.GetRequiredService<TenantDiscovery>();

        var first = await discovery.ResolveAsync(CancellationToken.None);
        var second = await discovery.ResolveAsync(CancellationToken.None);

        Assert.Equal(new TenantChoice(ResourceTenant, TenantSource.Challenge), first);
        Assert.Same(first, second);
        Assert.Equal(1, crm.Stats.Requests);
    }

    [Fact]
    public async Task WithTenantId_DataverseIsNotAsked()
    {
        await using var crm = await EmulatorServer.StartAsync(TestSeed.Create(), new EmulatorSettings { RequireToken = true, TenantId = ResourceTenant });
        using var services = Services(crm, new DataverseAuthOptions { ClientId = DataverseHarness.ClientId, TenantId = "contoso.onmicrosoft.com" });

        var choice = await services.GetRequiredService<TenantDiscovery>().ResolveAsync(CancellationToken.None);

        Assert.Equal(new TenantChoice("contoso.onmicrosoft.com", TenantSource.Setting), choice);
        Assert.Equal(0, crm.Stats.Requests);
    }

    [Fact]
    public async Task WithoutAChallenge_TheDefaultIsTaken_AndKept()
    {
        await using var crm = await EmulatorServer.StartAsync(TestSeed.Create(), new EmulatorSettings { RequireToken = false });
        using var services = Services(crm, new DataverseAuthOptions { ClientId = DataverseHarness.ClientId });
        var discovery = services.GetRequiredService<TenantDiscovery>();

        var choice = await discovery.ResolveAsync(CancellationToken.None);
        await discovery.ResolveAsync(CancellationToken.None);

        Assert.Equal(TenantSource.Default, choice.Source);
        Assert.Equal("organizations", choice.Tenant);
        Assert.True(choice.Settled);
        Assert.Equal(1, crm.Stats.Requests);
    }

    [Fact]
    public async Task Unreachable_TheDefaultIsTakenThisTime_AndAskedAgainNextTime()
    {
        using var services = Services(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), new DataverseAuthOptions { ClientId = DataverseHarness.ClientId });
        var discovery = services.GetRequiredService<TenantDiscovery>();

        var choice = await discovery.ResolveAsync(CancellationToken.None);

        Assert.Equal(TenantSource.Default, choice.Source);
        Assert.False(choice.Settled);
        Assert.StartsWith("Dataverse could not be asked for its tenant", choice.Reason, StringComparison.Ordinal);
        Assert.NotSame(choice, await discovery.ResolveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PublicClient_SignsInToTheDiscoveredTenant()
    {
        await using var crm = await EmulatorServer.StartAsync(TestSeed.Create(), new EmulatorSettings { RequireToken = true, TenantId = ResourceTenant });
        var options = Options.Create(new DataverseOptions { Url = crm.BaseUri.AbsoluteUri, Auth = new DataverseAuthOptions { ClientId = DataverseHarness.ClientId, PersistTokenCache = false } });
        using var services = Services(crm, options.Value.Auth);
        using var acquirer = new MsalPublicClientAcquirer(options, NullLogger<MsalPublicClientAcquirer>.Instance, tenants: services.GetRequiredService<TenantDiscovery>());

        var app = await acquirer.GetAppAsync();

        Assert.Equal($"https://login.microsoftonline.com/{ResourceTenant}/", app.Authority);
    }

    private static ServiceProvider Services(EmulatorServer crm, DataverseAuthOptions auth) => Services(crm.BaseUri, auth);

    private static ServiceProvider Services(Uri url, DataverseAuthOptions auth)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new DataverseOptions { Url = url.AbsoluteUri, Auth = auth }));
        services.AddSingleton(Options.Create(new Core.Pop.PopOptions()));
        services.AddDataverseClient();
        return services.BuildServiceProvider();
    }
}
