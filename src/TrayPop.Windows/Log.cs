using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Core.Diagnostics;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows;

internal static partial class Log
{
    // Tooltips and balloon titles carry CRM messages and record names: escaped like any outside text.
    public static void TrayIconAdded(ILogger logger, string tooltip)
    {
        var escaped = OutsideText.Escape(tooltip);
        TrayIconAddedEscaped(logger, escaped);
    }

    public static void BalloonShown(ILogger logger, string title)
    {
        var escaped = OutsideText.Escape(title);
        BalloonShownEscaped(logger, escaped);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Tray icon added: {Tooltip}")]
    private static partial void TrayIconAddedEscaped(ILogger logger, string tooltip);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Balloon shown: {Title}")]
    private static partial void BalloonShownEscaped(ILogger logger, string title);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Tray menu command {Command}")]
    public static partial void MenuCommand(ILogger logger, TrayCommandKind command);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Tray error")]
    public static partial void TrayError(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Tray command {Command} failed")]
    public static partial void CommandFailed(ILogger logger, TrayCommandKind command, Exception exception);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "ShellExecute could not open the folder (code {Code})")]
    public static partial void LaunchFailed(ILogger logger, long code);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "TrayPop is already running in this session ({Session}); this start exits")]
    public static partial void AlreadyRunning(ILogger logger, uint session);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Connection check at start: {State}")]
    public static partial void StartupCheck(ILogger logger, CrmState state);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Check connection: {State}")]
    public static partial void ConnectionChecked(ILogger logger, CrmState state);
}
