using Microsoft.Identity.Client;

namespace TrayPop.Dataverse.Auth;

/// <summary>The Windows broker (WAM): its dialog is parented to the tray's window, which the app was built with.</summary>
internal sealed class BrokeredSignIn(IPublicClientApplication brokerApp, ISignInWindow window) : IInteractiveSignIn
{
    public Task<AuthenticationResult> SignInAsync(string[] scopes, CancellationToken cancellationToken)
    {
        // The broker shows nothing without a parent: say so instead of letting it fail obscurely.
        if (window.Handle == IntPtr.Zero)
        {
            throw new MsalClientException("no_parent_window", "TrayPop's window is not open, so the broker has no window to show its dialog on.");
        }

        return brokerApp.AcquireTokenInteractive(scopes).ExecuteAsync(cancellationToken);
    }
}
