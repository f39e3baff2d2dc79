using System.Net;
using System.Net.Http.Headers;

namespace TrayPop.Dataverse.Auth;

/// <summary>
/// Puts the signed-in user's token on every Dataverse request; the token never leaves this handler. When Dataverse
/// answers 401 (an expired or revoked token), the token is dropped, a new one acquired, and the request sent once more.
/// Sits outside the resilience handler: a sign-in may take as long as the user needs, and is not a retry.
/// </summary>
internal sealed class BearerTokenHandler(IAccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || token is null || !tokens.Invalidate(token))
        {
            return response;
        }

        var renewed = await tokens.GetTokenAsync(cancellationToken);
        if (renewed is null || renewed == token)
        {
            return response;
        }

        response.Dispose();
        Authorize(request, renewed);
        return await base.SendAsync(request, cancellationToken);
    }

    private static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }
}
