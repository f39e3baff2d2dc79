using System.Net.Http.Headers;

namespace TrayPop.Core.Dataverse.Auth;

/// <summary>Puts the signed-in user's token on every Dataverse request; the token never leaves this handler.</summary>
internal sealed class BearerTokenHandler(IAccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
