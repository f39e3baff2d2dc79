namespace TrayPop.Dataverse.Auth;

/// <summary>One way of signing in (MSAL's public or confidential client): gets a token when <see cref="CachingTokenSource"/> needs one.</summary>
internal interface ITokenAcquirer
{
    /// <summary>How this acquirer signs in, for logs and <c>traypop check</c>.</summary>
    DataverseAuthMode Mode { get; }

    /// <param name="forceRefresh">True after Dataverse refused the last token: a cached one must not be returned again.</param>
    Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken);
}
