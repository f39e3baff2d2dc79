using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using TrayPop.Core.Cli;
using TrayPop.Core.Hosting;
using TrayPop.Core.Tray;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows.Configuration;

/// <summary>
/// A service start that the core refuses for a setting (exit code 2, e.g. no organisation URL after a
/// silent install without DATAVERSE_URL) would be an invisible failure under the tray. Instead TrayPop
/// logs the reason and stays in the tray, signed out, with the reason in a balloon and in its menu,
/// until the agent chooses Exit.
/// </summary>
internal static class StartupProblem
{
    private const int MaxMenuText = 100;

    public static async Task<int> RunAsync(string[] args, TrayPopPlatform platform)
    {
        var capture = new StartupErrorCapture(Console.Error);
        Console.SetError(capture);
        int code;
        try
        {
            code = await TrayPopCommandLine.RunAsync(args, platform);
        }
        finally
        {
            Console.SetError(capture.Inner);
        }

        if (code != StartupErrors.BadConfiguration || !ShowsTray(args))
        {
            return code;
        }

        await ShowUntilExitAsync(capture.Reasons(), args, platform);
        return code;
    }

    private static bool ShowsTray(string[] args) =>
        !args.Any(a => a.Equals("--no-tray", StringComparison.OrdinalIgnoreCase)
            || a.Equals("--TrayPop:Tray:Enabled=false", StringComparison.OrdinalIgnoreCase));

    private static async Task ShowUntilExitAsync(IReadOnlyList<string> reasons, string[] args, TrayPopPlatform platform)
    {
        var (settings, _) = TrayPopCommandLine.SplitSettings(args);
        var configuration = TrayPopConfiguration.Build(settings, platform);
        await using var serilog = LogSetup.Configure(new LoggerConfiguration(), configuration, console: false).CreateLogger();
        using var loggers = new SerilogLoggerFactory(serilog);
        var logger = loggers.CreateLogger(typeof(StartupProblem));
        foreach (var reason in reasons)
        {
            StartupProblemLog.CannotStart(logger, reason);
        }

        var exit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var tray = new TrayWindow(loggers.CreateLogger<TrayWindow>());
        tray.MenuSource = () =>
        [
            .. reasons.Select(r => new TrayMenuItem(r.Length > MaxMenuText ? r[..(MaxMenuText - 1)] + "…" : r)),
            TrayMenuItem.Separator,
            new TrayMenuItem("Exit", TrayCommand.Exit),
        ];
        tray.CommandChosen += command =>
        {
            if (command.Kind == TrayCommandKind.Exit)
            {
                exit.TrySetResult();
            }
        };

        StartupProblemLog.ShowingSignedOut(logger);
        await tray.StartAsync(new TrayAppearance(TrayIconKind.Warning, "TrayPop: signed out, a setting is missing or wrong"));
        tray.ShowBalloon("TrayPop is not set up", reasons.Count > 0 ? string.Join('\n', reasons) : "See the log in %LOCALAPPDATA%\\TrayPop\\logs.");
        await exit.Task;
        await tray.StopAsync();
    }
}
