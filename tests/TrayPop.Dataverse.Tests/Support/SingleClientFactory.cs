namespace TrayPop.Dataverse.Tests.Support;

/// <summary>Hands out clients over one handler, whatever the name.</summary>
internal sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}
