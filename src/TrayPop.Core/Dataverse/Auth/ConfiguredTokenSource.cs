using Microsoft.Extensions.Options;

namespace TrayPop.Core.Dataverse.Auth;

/// <summary>The <c>Token</c> and <c>None</c> modes: a configured bearer token, or no header at all.</summary>
internal sealed class ConfiguredTokenSource(IOptions<DataverseOptions> options) : IAccessTokenSource
{
    private readonly DataverseAuthOptions _auth = options.Value.Auth;

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_auth.Mode == DataverseAuthMode.Token ? _auth.Token : null);
}
