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
            catch (Exception ex) when (Failure(ex, cancellationToken) is var failure && failure != BrokerFailure.None)
            {
                _brokerFailed = failure == BrokerFailure.ForThisRun;
                Log.BrokerFailed(logger, (ex as MsalException)?.ErrorCode ?? ex.GetType().Name, ex.Message, clientId);
            }
        }

        return await browser.SignInAsync(scopes, cancellationToken);
    }

    private static BrokerFailure Failure(Exception exception, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? BrokerFailure.None : exception switch
        {
            // The user closed the dialog: a browser window right after would be unwelcome.
            MsalClientException { ErrorCode: MsalError.AuthenticationCanceledError } => BrokerFailure.None,
            // No window yet (a pop signs in before the tray's window exists): the browser this time, the broker next time.
            MsalClientException { ErrorCode: "no_parent_window" or "window_handle_required" } => BrokerFailure.ThisTime,
            MsalClientException => BrokerFailure.ForThisRun,
            // The app registration lacks the broker's redirect URI: the browser's works.
            MsalServiceException service when service.Message.Contains("AADSTS50011", StringComparison.Ordinal) => BrokerFailure.ForThisRun,
            // Other answers from Entra ID (a conditional access policy only the broker can satisfy, an outage) are the
            // sign-in's own failure; the browser would meet them too, or fail where the broker could succeed.
            MsalException => BrokerFailure.None,
            // The broker's native runtime missing or unusable on this Windows.
            DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException => BrokerFailure.ForThisRun,
            _ => BrokerFailure.None,
        };

    private enum BrokerFailure
    {
        None,
        ThisTime,
        ForThisRun,
    }
}
