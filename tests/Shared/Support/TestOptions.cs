using Microsoft.Extensions.Options;
using TrayPop.Core.Pop;

namespace TrayPop.Testing;

/// <summary>Options and small core objects as the host would build them, for unit tests.</summary>
internal static class TestOptions
{
    public const string Crm = "https://contoso.crm.dynamics.com";

    public static CrmSite Site(string url = Crm, string? appId = null) => new(new Uri(url.EndsWith('/') ? url : url + "/"), appId);

    public static CrmUrlBuilder Urls(PopOptions? pop = null, string url = Crm, string? appId = null) =>
        new(Site(url, appId), Options.Create(pop ?? new PopOptions()));

    public static PopDecider Decider(PopOptions? pop = null)
    {
        pop ??= new PopOptions();
        return new PopDecider(Urls(pop), Options.Create(pop));
    }
}
