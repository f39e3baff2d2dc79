using Microsoft.Extensions.Configuration;

namespace TrayPop.Hosting;

/// <summary>
/// Where settings come from, lowest first: appsettings.json beside the program, the platform's sources
/// (machine settings and policy on Windows), environment variables (<c>TrayPop__Listener__Port</c>), then
/// <c>--TrayPop:Key=Value</c> on the command line.
/// </summary>
internal static class TrayPopConfiguration
{
    public static IConfigurationBuilder AddTrayPopSources(this IConfigurationBuilder builder, IReadOnlyList<string> commandLine, TrayPopPlatform platform)
    {
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        platform.AddConfiguration?.Invoke(builder);
        builder.AddEnvironmentVariables();
        builder.AddCommandLine([.. commandLine]);
        return builder;
    }

    public static IConfigurationRoot Build(IReadOnlyList<string> commandLine, TrayPopPlatform platform) =>
        new ConfigurationBuilder().AddTrayPopSources(commandLine, platform).Build();
}
