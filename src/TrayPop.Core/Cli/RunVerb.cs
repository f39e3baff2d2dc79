using Microsoft.Extensions.Hosting;
using TrayPop.Core.Hosting;

namespace TrayPop.Core.Cli;

/// <summary><c>traypop run</c>: the service, until stopped.</summary>
internal static class RunVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = TrayPopHost.Build(settings, platform);
            await ((IHost)app).RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception ex) when (StartupErrors.Explain(ex, Console.Error) is { } code)
        {
            return code;
        }
    }
}
