using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using TrayPop.Dataverse.Diagnostics;

namespace TrayPop.Dataverse.Auth;

/// <summary>
/// Interactive sign-in through the Windows broker, falling back to the system browser when the broker fails (no window
/// to parent its dialog, the broker's redirect URI missing from the app registration, WAM itself failing): the reason is
/// logged once, and from then on this run signs in through the browser. The user cancelling is not a failure.
/// </summary>
internal sealed class BrokerFallback(IInteractiveSignIn broker, IInteractiveSignIn browser, string clientId, ILogger logger) : IInteractiveSignIn
{
    private volatile bool _brokerFailed;

    /// <summary>True once the broker has failed: sign-in (silent too) goes through the browser's app from then on.</summary>
    public bool BrokerFailed => _brokerFailed;

    public async Task<AuthenticationResult> SignInAsync(string[] scopes, CancellationToken cancellationToken)
    {
        if (!_brokerFailed)
        {
            try
            {
                return await broker.SignInAsync(scopes, cancellationToken);
            }
            catch (Exception ex) when (IsBrokerFailure(ex, cancellationToken))
            {
                _brokerFailed = true;
                Log.BrokerFailed(logger, (ex as MsalException)?.ErrorCode ?? ex.GetType().Name, ex.Message, clientId);
            }
        }

        return await browser.SignInAsync(scopes, cancellationToken);
    }

    private static bool IsBrokerFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception switch
        {
            // The user closed the dialog: a browser window right after would be unwelcome.
            MsalClientException { ErrorCode: MsalError.AuthenticationCanceledError } => false,
            MsalException => true,
            // The broker's native runtime missing or unusable on this Windows.
            DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException => true,
            _ => false,
        };
}
