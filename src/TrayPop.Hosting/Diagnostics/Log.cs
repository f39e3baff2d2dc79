using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Hosting.Diagnostics;

/// <summary>Every log message of the host and the launcher.</summary>
internal static partial class Log
{
    public static void LaunchFailed(ILogger logger, string url, string reason) =>
        LaunchFailedEscaped(logger, OutsideText.Escape(url, 2048), OutsideText.Escape(reason));

    [LoggerMessage(6, LogLevel.Error, "Could not start a browser for {Url}: {Reason}")]
    private static partial void LaunchFailedEscaped(ILogger logger, string url, string reason);
}
