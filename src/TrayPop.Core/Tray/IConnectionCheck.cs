namespace TrayPop.Core.Tray;

/// <summary>The tray's "Check connection", and the WhoAmI at start: signs in if needed and asks Dataverse who the agent is.</summary>
internal interface IConnectionCheck
{
    /// <summary>Never throws for a CRM failure: the result says what went wrong.</summary>
    Task<ConnectionCheckResult> CheckAsync(CancellationToken cancellationToken);
}
