using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrayPop.Dataverse.Auth;

/// <summary>Picks the token source for the configured <see cref="DataverseAuthMode"/>.</summary>
internal static class TokenSources
{
    public static IAccessTokenSource Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DataverseOptions>>().Value;
        var auth = options.Auth;
        return auth.Mode switch
        {
            DataverseAuthMode.None => new NoTokenSource("nobody: no sign-in (TrayPop:Dataverse:Auth:Mode is None)"),
            DataverseAuthMode.Windows => new NoTokenSource(WindowsCredentials.Describe(auth)),
            DataverseAuthMode.Token => new StaticTokenSource(auth.Token!),
            DataverseAuthMode.ClientSecret or DataverseAuthMode.ClientCertificate => Caching(services, ActivatorUtilities.CreateInstance<MsalConfidentialClientAcquirer>(services)),
            DataverseAuthMode.Interactive or DataverseAuthMode.DeviceCode => Caching(services, ActivatorUtilities.CreateInstance<MsalPublicClientAcquirer>(services)),
            _ => throw new InvalidOperationException($"No sign-in for TrayPop:Dataverse:Auth:Mode {auth.Mode}."),
        };
    }

    private static CachingTokenSource Caching(IServiceProvider services, ITokenAcquirer acquirer) =>
        new(acquirer, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<CachingTokenSource>>());
}
