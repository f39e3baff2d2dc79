using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace TrayPop.Dataverse.Auth;

/// <summary>
/// The <c>ClientSecret</c> and <c>ClientCertificate</c> modes through MSAL's confidential client: the client-credentials
/// grant for <c>{org}/.default</c> at the tenant's token endpoint (or AD FS), proving the application with its secret or
/// with a client assertion MSAL signs with the certificate's private key. Caching is <see cref="CachingTokenSource"/>'s
/// job, on the injected clock, so every call here asks the token endpoint.
/// </summary>
internal sealed class MsalConfidentialClientAcquirer(
    IOptions<DataverseOptions> options, IHttpClientFactory clients, TimeProvider time, TenantDiscovery? tenants = null) : ITokenAcquirer
{
    private IConfidentialClientApplication? _app;

    public DataverseAuthMode Mode => options.Value.Auth.Mode;

    internal string[] Scopes => [DataverseScopes.Default(options.Value)];

    public async Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var auth = options.Value.Auth;
        var app = _app ??= Build(tenants is null ? null : await tenants.ResolveAsync(cancellationToken), time.GetUtcNow());
        AuthenticationResult result;
        try
        {
            result = await app.AcquireTokenForClient(Scopes).WithForceRefresh(true).ExecuteAsync(cancellationToken);
        }
        catch (MsalServiceException ex)
        {
            throw new SignInException($"The sign-in service refused the {(auth.Mode == DataverseAuthMode.ClientCertificate ? "certificate" : "client credentials")} of {auth.ClientId} ({ex.ErrorCode}): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is MsalClientException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new SignInException($"The sign-in service at {DataverseScopes.Authority(auth)} could not be reached: {ex.Message}", ex);
        }

        // MSAL states expiry on the system clock; the lifetime is carried over to the injected one.
        var lifetime = result.ExpiresOn - TimeProvider.System.GetUtcNow();
        return new AccessToken(result.AccessToken, time.GetUtcNow() + lifetime, $"application {auth.ClientId}");
    }

    private IConfidentialClientApplication Build(TenantChoice? tenant, DateTimeOffset now)
    {
        var auth = options.Value.Auth;
        var builder = ConfidentialClientApplicationBuilder.Create(auth.ClientId);
        if (auth.Mode == DataverseAuthMode.ClientCertificate)
        {
            // Checked at start; read again here in case the file or the store changed since.
            if (!ClientCertificates.TryLoad(auth, now, out var certificate, out var problem))
            {
                throw new SignInException(problem);
            }

            builder = builder.WithCertificate(certificate);
        }
        else
        {
            builder = builder.WithClientSecret(auth.ClientSecret ?? string.Empty);
        }

        builder = builder
            .WithHttpClientFactory(new MsalHttpClients(clients))
            .WithClientName("TrayPop")
            .WithClientVersion(Core.Diagnostics.ProductVersion.Text);
        var authority = DataverseScopes.Authority(auth, tenant?.Tenant ?? TenantChoice.DefaultTenant);
        if (auth.IsAdfs)
        {
            return builder.WithAdfsAuthority(authority).Build();
        }

        builder = builder.WithAuthority(authority);
        // A sign-in service on this machine (the emulator) is not one Microsoft's instance discovery knows.
        if (new Uri(authority).IsLoopback)
        {
            builder = builder.WithInstanceDiscovery(false);
        }

        return builder.Build();
    }
}
