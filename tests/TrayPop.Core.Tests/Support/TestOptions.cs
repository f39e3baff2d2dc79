using Microsoft.Extensions.Options;
using TrayPop.Core.Dataverse;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Tests.Support;

/// <summary>Options and small core objects as the host would build them, for unit tests.</summary>
internal static class TestOptions
{
    public const string Crm = "https://contoso.crm.dynamics.com";

    public static IOptions<DataverseOptions> Dataverse(string url = Crm, string? appId = null) =>
        Options.Create(new DataverseOptions { Url = url, AppId = appId, Auth = new DataverseAuthOptions { Mode = DataverseAuthMode.None } });

    public static CrmUrlBuilder Urls(PopOptions? pop = null, string url = Crm, string? appId = null) =>
        new(Dataverse(url, appId), Options.Create(pop ?? new PopOptions()));

    public static PopDecider Decider(PopOptions? pop = null)
    {
        pop ??= new PopOptions();
        return new PopDecider(Urls(pop), Options.Create(pop));
    }
}
