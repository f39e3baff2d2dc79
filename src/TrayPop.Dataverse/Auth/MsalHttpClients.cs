using Microsoft.Identity.Client;

namespace TrayPop.Dataverse.Auth;

/// <summary>MSAL's requests go through one named client of the host's <see cref="IHttpClientFactory"/> (proxy settings, tests' trust).</summary>
internal sealed class MsalHttpClients(IHttpClientFactory clients) : IMsalHttpClientFactory
{
    public const string Name = "TrayPop.Dataverse.SignIn";

    public HttpClient GetHttpClient() => clients.CreateClient(Name);
}
