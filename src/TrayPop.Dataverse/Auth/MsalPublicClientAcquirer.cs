using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.Broker;


using TrayPop.Dataverse.Diagnostics;

namespace TrayPop.Dataverse.Auth;

/// <summary>
/// The <c>Interactive</c> and <c>DeviceCode</c> modes: MSAL's public client for <c>{org}/user_impersonation</c>.
/// Silent first (the cached account, or on Windows the account signed in to Windows through the broker), then the
/// user: the broker's dialog parented to the tray's window, falling back to the system browser when the broker fails
/// (<see cref="BrokerFallback"/>), or the system browser alone (Interactive); or a code to enter on another device (DeviceCode).
/// </summary>
internal sealed class MsalPublicClientAcquirer(
    IOptions<DataverseOptions> options,
    ILogger<MsalPublicClientAcquirer> logger,
    ISignInWindow? window = null,
    TenantDiscovery? tenants = null,
    Connectivity.IDeviceCodePrompt? prompt = null) : ITokenAcquirer, IDisposable
{
    private readonly SemaphoreSlim _buildGate = new(1, 1);
    private IPublicClientApplication? _app;
    private IPublicClientApplication? _browserApp;
    private BrokerFallback? _fallback;

    public DataverseAuthMode Mode => options.Value.Auth.Mode;

    /// <summary>Whether the Windows broker is used: on Windows, when allowed, and when there is a window to parent its dialog to.</summary>
    /// AD FS authorities are not brokered (Microsoft: "MSAL falls back to a browser").
    internal bool UsesBroker =>
        OperatingSystem.IsWindows() && options.Value.Auth.UseBroker && Mode == DataverseAuthMode.Interactive && window is not null && !options.Value.Auth.IsAdfs;

    internal string[] Scopes => [DataverseScopes.UserImpersonation(options.Value)];

    /// <summary>The window the broker's dialog is parented to, when the platform registered one.</summary>
    internal ISignInWindow? SignInWindow => window;

    public async Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        // Once the broker has failed, this run signs in (silently too) with the browser's app and its cache.
        var brokered = UsesBroker && _fallback is not { BrokerFailed: true };
        var app = brokered ? await GetAppAsync(cancellationToken) : await GetBrowserAppAsync(cancellationToken);
        var account = (await app.GetAccountsAsync()).FirstOrDefault() ?? (brokered ? PublicClientApplication.OperatingSystemAccount : null);
        if (account is not null)
        {
            try
            {
                var silent = await app.AcquireTokenSilent(Scopes, account).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
                return From(silent);
            }
            catch (MsalUiRequiredException ex)
            {
                Log.InteractionRequired(logger, ex.ErrorCode);
            }
        }
        else
        {
            Log.InteractionRequired(logger, "no account yet");
        }

        try
        {
            return From(await AcquireWithUserAsync(app, cancellationToken));
        }
        catch (MsalException ex) when (ex is not MsalServiceException { StatusCode: >= 500 })
        {
            throw new SignInException($"Signing in to Dataverse failed ({ex.ErrorCode}): {ex.Message}", ex);
        }
    }

    public void Dispose() => _buildGate.Dispose();

    /// <summary>Builds the MSAL application (no network), for tests and for the first sign-in.</summary>
    internal async Task<IPublicClientApplication> GetAppAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            return _app;
        }

        await _buildGate.WaitAsync(cancellationToken);
        try
        {
            if (_app is not null)
            {
                return _app;
            }

            var tenant = tenants is null ? null : await tenants.ResolveAsync(cancellationToken);
            var app = Build(tenant?.Tenant ?? TenantChoice.DefaultTenant, UsesBroker);
            await MsalTokenCache.AttachAsync(app.UserTokenCache, options.Value.Auth, logger);
            // When Dataverse could not be asked for its tenant, the next sign-in asks again and builds anew.
            if (tenant?.Settled ?? true)
            {
                _app = app;
            }

            return app;
        }
        finally
        {
            _buildGate.Release();
        }
    }

    /// <summary>The application without the broker, for the system browser after the broker failed; the one app when there is no broker.</summary>
    internal async Task<IPublicClientApplication> GetBrowserAppAsync(CancellationToken cancellationToken = default)
    {
        if (!UsesBroker)
        {
            return await GetAppAsync(cancellationToken);
        }

        if (_browserApp is not null)
        {
            return _browserApp;
        }

        await _buildGate.WaitAsync(cancellationToken);
        try
        {
            if (_browserApp is null)
            {
                var tenant = tenants is null ? null : await tenants.ResolveAsync(cancellationToken);
                var app = Build(tenant?.Tenant ?? TenantChoice.DefaultTenant, broker: false);
                await MsalTokenCache.AttachAsync(app.UserTokenCache, options.Value.Auth, logger);
                _browserApp = app;
            }

            return _browserApp;
        }
        finally
        {
            _buildGate.Release();
        }
    }

    private IPublicClientApplication Build(string tenant, bool broker)
    {
        var auth = options.Value.Auth;
        // The validator refuses a start without a client id unless the sample app is allowed.
        var builder = PublicClientApplicationBuilder.Create(auth.EffectiveClientId ?? DataverseAuthOptions.SampleClientId);
        builder = auth.IsAdfs
            ? builder.WithAdfsAuthority(DataverseScopes.Authority(auth))
            : builder.WithAuthority(DataverseScopes.Authority(auth, tenant));
        builder = builder
            // The system browser returns to a loopback listener MSAL opens on a free port.
            .WithRedirectUri("http://localhost")
            .WithClientName("TrayPop")
            .WithClientVersion(Core.Diagnostics.ProductVersion.Text);
        if (broker)
        {
            builder = builder
                .WithBroker(new BrokerOptions(BrokerOptions.OperatingSystems.Windows) { Title = "TrayPop" })
                .WithParentActivityOrWindow(() => window!.Handle);
        }

        return builder.Build();
    }

    private Task<AuthenticationResult> AcquireWithUserAsync(IPublicClientApplication app, CancellationToken cancellationToken)
    {
        if (Mode == DataverseAuthMode.DeviceCode)
        {
            return app.AcquireTokenWithDeviceCode(Scopes, code =>
                {
                    // The message names the page and the one-time code: the user must see it, and it is no token.
                    Log.DeviceCode(logger, code.Message);
                    (prompt ?? new Connectivity.StandardErrorDeviceCodePrompt()).Show(code.Message);
                    return Task.CompletedTask;
                })
                .ExecuteAsync(cancellationToken);
        }

        if (!UsesBroker)
        {
            return new BrowserSignIn(_ => Task.FromResult(app)).SignInAsync(Scopes, cancellationToken);
        }

        _fallback ??= new BrokerFallback(
            new BrokeredSignIn(app, window!), new BrowserSignIn(GetBrowserAppAsync), options.Value.Auth.EffectiveClientId ?? DataverseAuthOptions.SampleClientId, logger);
        return _fallback.SignInAsync(Scopes, cancellationToken);
    }

    private static AccessToken From(AuthenticationResult result) =>
        new(result.AccessToken, result.ExpiresOn, result.Account?.Username);
}
