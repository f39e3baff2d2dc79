using Microsoft.Extensions.Logging;

namespace TrayPop.Hosting.Diagnostics;

/// <summary>Every log message of the host and the launcher.</summary>
internal static partial class Log
{
    [LoggerMessage(6, LogLevel.Error, "Could not start a browser for {Url}: {Reason}")]
    public static partial void LaunchFailed(ILogger logger, string url, string reason);
}
