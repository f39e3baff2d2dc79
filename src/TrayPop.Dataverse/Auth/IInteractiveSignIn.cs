using Microsoft.Identity.Client;

namespace TrayPop.Dataverse.Auth;

/// <summary>One way the user signs in at this desk: the Windows broker's dialog, or the system browser.</summary>
internal interface IInteractiveSignIn
{
    Task<AuthenticationResult> SignInAsync(string[] scopes, CancellationToken cancellationToken);
}
