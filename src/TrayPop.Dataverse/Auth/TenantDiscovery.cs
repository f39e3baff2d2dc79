using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using TrayPop.Dataverse.Diagnostics;

namespace TrayPop.Dataverse.Auth;

/// <summary>
/// The tenant to sign in to. Without <c>TrayPop:Dataverse:Auth:TenantId</c>, Dataverse is asked once, without a token,
/// and names its own tenant in the 401 challenge: a guest (B2B) agent then signs in to the organisation's tenant, whose
/// tokens Dataverse accepts, rather than to their home tenant. Only the configured organisation is asked, and a redirect
/// is not followed.
/// </summary>
internal sealed class TenantDiscovery(IHttpClientFactory clients, IOptions<DataverseOptions> options, ILogger<TenantDiscovery> logger) : IDisposable
{
    public const string HttpClientName = "TrayPop.Dataverse.TenantDiscovery";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private TenantChoice? _settled;

    public async Task<TenantChoice> ResolveAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value.Auth;
        if (auth.IsAdfs)
        {
            return new TenantChoice(string.Empty, TenantSource.Adfs);
        }

        if (!string.IsNullOrWhiteSpace(auth.TenantId))
        {
            return new TenantChoice(auth.TenantId.Trim(), TenantSource.Setting);
        }

        if (_settled is { } settled)
        {
            return settled;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_settled is { } answered)
            {
                return answered;
            }

            var choice = await AskAsync(cancellationToken);
            if (choice.Source == TenantSource.Challenge)
            {
                Log.TenantDiscovered(logger, choice.Tenant);
            }
            else
            {
                Log.TenantNotDiscovered(logger, choice.Reason ?? "no challenge");
            }

            if (choice.Settled)
            {
                _settled = choice;
            }

            return choice;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<TenantChoice> AskAsync(CancellationToken cancellationToken)
    {
        var api = options.Value.ApiUri;
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, api);
            response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new TenantChoice(TenantChoice.DefaultTenant, TenantSource.Default, $"Dataverse could not be asked for its tenant ({ex.Message})", Settled: false);
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return new TenantChoice(TenantChoice.DefaultTenant, TenantSource.Default, $"Dataverse answered {(int)response.StatusCode} without a sign-in challenge");
            }

            return response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var challenges) && BearerChallengeTenant.From(challenges) is { } tenant
                ? new TenantChoice(tenant, TenantSource.Challenge)
                : new TenantChoice(TenantChoice.DefaultTenant, TenantSource.Default, "Dataverse's sign-in challenge names no tenant");
        }
    }
}
