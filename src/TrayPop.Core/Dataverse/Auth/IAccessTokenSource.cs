namespace TrayPop.Core.Dataverse.Auth;

/// <summary>Gives the bearer token for the next Dataverse request, or null when the mode sends none.</summary>
internal interface IAccessTokenSource
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
