using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using TrayPop.Hosting.Diagnostics;

namespace TrayPop.Hosting;

/// <summary>Serilog to a rolling file in the per-user application-data folder, and to the console when there is one.</summary>
internal static class LogSetup
{
    public static string LogDirectory(IConfiguration configuration) =>
        configuration["TrayPop:Logging:Directory"] is { Length: > 0 } directory
            ? directory
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TrayPop", "logs");

    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, bool console)
    {
        logger
            .MinimumLevel.Is(configuration.GetValue("TrayPop:Logging:Level", LogEventLevel.Information))
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            // Retries are routine; what a failed pop means for the agent is logged by the pipeline.
            .MinimumLevel.Override("Polly", LogEventLevel.Error)
            .Enrich.FromLogContext()
            .Enrich.With<OutsideTextEnricher>()
            .WriteTo.File(
                Path.Combine(LogDirectory(configuration), "traypop-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                fileSizeLimitBytes: 20 * 1024 * 1024,
                rollOnFileSizeLimit: true,
                shared: true,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (console)
        {
            logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Verbose);
        }

        return logger;
    }
}
