using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayPop.Hosting;

namespace TrayPop.Hosting.Cli;

/// <summary>The core services without the host, for the one-shot verbs (lookup, check): no listener, no console logging.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(IConfiguration configuration, TrayPopPlatform platform, Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        platform.ConfigureServices?.Invoke(services);
        services.AddTrayPopCore();
        extra?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
