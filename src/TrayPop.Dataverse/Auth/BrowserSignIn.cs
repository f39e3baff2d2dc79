using Microsoft.Identity.Client;

namespace TrayPop.Dataverse.Auth;

/// <summary>The system browser, returning to a loopback listener MSAL opens (<c>http://localhost</c> on the app registration).</summary>
internal sealed class BrowserSignIn(Func<CancellationToken, Task<IPublicClientApplication>> browserApp) : IInteractiveSignIn
{
    public async Task<AuthenticationResult> SignInAsync(string[] scopes, CancellationToken cancellationToken)
    {
        var app = await browserApp(cancellationToken);
        return await app.AcquireTokenInteractive(scopes).WithUseEmbeddedWebView(false).ExecuteAsync(cancellationToken);
    }
}
