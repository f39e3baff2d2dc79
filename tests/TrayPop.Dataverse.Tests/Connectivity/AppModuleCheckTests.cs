using Microsoft.Extensions.DependencyInjection;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Testing;

namespace TrayPop.Dataverse.Tests.Connectivity;

/// <summary><c>check</c>'s verdict on <c>TrayPop:Dataverse:AppId</c>, asked of the emulator's appmodules.</summary>
public class AppModuleCheckTests
{
    [Fact]
    public async Task AppId_OfAnAppHere_IsNamedByItsUniqueName()
    {
        await using var harness = await DataverseHarness.StartAsync(settings: $"Dataverse:AppId={TestSeed.AppId}");

        var (line, wrong) = await Check(harness);

        Assert.False(wrong);
        Assert.Equal($"TrayPopAgents ({TestSeed.AppId}), an app of this organisation", line);
    }

    [Fact]
    public async Task AppId_OfNoAppHere_IsCalledWrongAndTheAppsHereAreListed()
    {
        const string Wrong = "00000000-0000-4000-8000-00000000dead";
        await using var harness = await DataverseHarness.StartAsync(settings: $"Dataverse:AppId={Wrong}");

        var (line, wrong) = await Check(harness);

        Assert.True(wrong);
        Assert.StartsWith($"NO — TrayPop:Dataverse:AppId {Wrong} is not an app of this organisation", line, StringComparison.Ordinal);
        Assert.EndsWith($": TrayPopAgents = {TestSeed.AppId}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppId_Unset_IsNotAsked()
    {
        await using var harness = await DataverseHarness.StartAsync();

        var (line, wrong) = await Check(harness);

        Assert.False(wrong);
        Assert.StartsWith("(none", line, StringComparison.Ordinal);
        Assert.Equal(0, harness.Crm.ApiRequestCount);
    }

    private static Task<(string Line, bool Wrong)> Check(DataverseHarness harness) =>
        ActivatorUtilities.CreateInstance<AppModuleCheck>(harness.Services).CheckAsync(CancellationToken.None);
}
