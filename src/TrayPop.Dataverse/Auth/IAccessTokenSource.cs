namespace TrayPop.Dataverse.Auth;

/// <summary>Gives the bearer token for the next Dataverse request, or null when the mode sends none.</summary>
internal interface IAccessTokenSource
{
    /// <summary>Who the token speaks for, in words for <c>traypop check</c> (an account, an application); null before the first sign-in.</summary>
    string? SignedInAs { get; }

    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Dataverse refused <paramref name="token"/> (401): forget it so the next <see cref="GetTokenAsync"/> signs in again.
    /// False when this source cannot get another token (a configured one), so retrying is pointless.
    /// </summary>
    bool Invalidate(string token);
}
