using DataverseEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrayPop.Core.Lookup;
using TrayPop.Dataverse.Lookup;
using TrayPop.Dataverse.Tests.Index;
using TrayPop.Hosting;

namespace TrayPop.Dataverse.Tests.Lookup;

public sealed class StrategyLookupTests
{
    private const string Seed = """
        {"contacts":[{"contactid":"2a0f6c1e-0000-4000-8000-000000000001","fullname":"Ann","telephone1":"(425) 555-0101","statecode":0}]}
        """;

    [Fact]
    public async Task Auto_WithoutTheKeyTable_UsesThePattern()
    {
        await using var index = await IndexHarness.StartWithoutSetupAsync(Seed, TimeSpan.Zero);
        var lookup = index.Services.GetRequiredService<StrategyLookup>();

        Assert.Equal(LookupStrategy.Pattern, await lookup.ResolveAsync(CancellationToken.None));
        Assert.Equal("pattern", lookup.Index);
    }

    [Fact]
    public async Task Auto_AfterSetupBeforeTheFirstSync_UsesThePattern_AndAfterItTheKeys()
    {
        await using var index = await IndexHarness.StartAsync(Seed);
        Assert.Equal(LookupStrategy.Pattern, await index.Services.GetRequiredService<StrategyLookup>().ResolveAsync(CancellationToken.None));

        await index.SyncAsync();
        using var scope = index.Services.CreateScope();
        var fresh = ActivatorUtilities.CreateInstance<StrategyLookup>(index.Services);

        Assert.Equal(LookupStrategy.Keys, await fresh.ResolveAsync(CancellationToken.None));
        fresh.Dispose();
    }

    [Fact]
    public async Task BadStrategy_StopsTheStart_WithAMessageNamingTheKey()
    {
        await using var crm = await EmulatorServer.StartAsync(TestSeed.Create());
        using var host = TrayPopHost.Build(
            [
                $"--TrayPop:Dataverse:Url={crm.BaseUri.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None",
                $"--TrayPop:Listener:Port={FreePort.Next()}", $"--TrayPop:Listener:LinePort={FreePort.Next()}",
                "--TrayPop:Phone:DefaultRegion=US", "--TrayPop:Lookup:Strategy=Index",
            ],
            TrayPopPlatform.Headless,
            console: false);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("TrayPop:Lookup:Strategy must be Auto, Keys or Pattern; got 'Index'.", failure.Message, StringComparison.Ordinal);
    }
}
