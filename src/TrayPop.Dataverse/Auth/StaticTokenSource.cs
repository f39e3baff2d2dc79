namespace TrayPop.Dataverse.Auth;

/// <summary>The <c>Token</c> mode: the configured bearer token on every request; when Dataverse refuses it there is no other.</summary>
internal sealed class StaticTokenSource(string token) : IAccessTokenSource
{
    public string? SignedInAs => "the configured token (TrayPop:Dataverse:Auth:Token)";

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);

    public bool Invalidate(string token) => false;
}
