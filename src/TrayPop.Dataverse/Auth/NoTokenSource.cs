namespace TrayPop.Dataverse.Auth;

/// <summary>
/// The <c>None</c> mode (the emulator) and the <c>Windows</c> mode, whose credentials live in the connection
/// handler (Negotiate) rather than in a bearer header: no Authorization header from here.
/// </summary>
internal sealed class NoTokenSource(string signedInAs) : IAccessTokenSource
{
    public string? SignedInAs { get; } = signedInAs;

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    public bool Invalidate(string token) => false;
}
