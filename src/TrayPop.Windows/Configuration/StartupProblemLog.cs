using Microsoft.Extensions.Logging;

namespace TrayPop.Windows.Configuration;

internal static partial class StartupProblemLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "TrayPop cannot start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Showing the tray signed out until the agent chooses Exit")]
    public static partial void ShowingSignedOut(ILogger logger);
}
