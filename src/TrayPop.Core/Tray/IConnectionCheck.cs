namespace TrayPop.Core.Tray;

/// <summary>The tray's "Check connection": signs in if needed and asks Dataverse who the agent is.</summary>
internal interface IConnectionCheck
{
    /// <summary>Returns <see cref="TrayState.Ready"/>, <see cref="TrayState.SignedOut"/> or <see cref="TrayState.CrmUnreachable"/>.</summary>
    Task<TrayState> CheckAsync(CancellationToken cancellationToken);
}
