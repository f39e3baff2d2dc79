namespace TrayPop.Core.Connectivity;

/// <summary>
/// The one component that asks whether the CRM answers and the agent is signed in (WhoAmI), for <c>check</c>,
/// <c>GET /health</c> and the tray alike, so all three say the same thing in the same words.
/// </summary>
internal interface IConnectionCheck
{
    /// <summary>The organisation asked (its root URL).</summary>
    string Organisation { get; }

    /// <summary>The sign-in mode, as configured.</summary>
    string SignInMode { get; }

    /// <summary>
    /// Asks the CRM, or returns a result no older than <paramref name="reuseWithin"/> (so a monitoring loop on
    /// <c>/health</c> cannot turn into load on Dataverse). Never throws for a CRM failure: the result says what went wrong.
    /// </summary>
    Task<ConnectionCheckResult> CheckAsync(TimeSpan reuseWithin, CancellationToken cancellationToken);
}
