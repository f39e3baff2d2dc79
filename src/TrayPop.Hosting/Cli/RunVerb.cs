using Microsoft.Extensions.Hosting;
using TrayPop.Hosting;

namespace TrayPop.Hosting.Cli;

/// <summary><c>traypop run</c>: the service, until stopped.</summary>
internal static class RunVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, CancellationToken cancellationToken)
    {
        try
        {
            using var host = TrayPopHost.Build(settings, platform);
            return await TrayPopHost.RunAsync(host, cancellationToken);
        }
        catch (Exception ex) when (StartupErrors.Explain(ex, Console.Error) is { } code)
        {
            return code;
        }
    }
}
