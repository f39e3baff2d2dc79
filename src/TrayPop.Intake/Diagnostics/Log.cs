using Microsoft.Extensions.Logging;

namespace TrayPop.Intake.Diagnostics;

/// <summary>Every log message of the intakes. No token is ever a parameter.</summary>
internal static partial class Log
{
    [LoggerMessage(8, LogLevel.Information, "Listening for call events on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(9, LogLevel.Warning, "Rejected a call event from {Channel}: {Reason}")]
    public static partial void EventRejected(ILogger logger, string channel, string reason);

    [LoggerMessage(10, LogLevel.Warning, "A line-protocol connection failed: {Reason}")]
    public static partial void LineConnectionFailed(ILogger logger, string reason);

    [LoggerMessage(18, LogLevel.Debug, "A line-protocol connection was closed by its idle, read or write timeout")]
    public static partial void LineConnectionTimedOut(ILogger logger);

    [LoggerMessage(11, LogLevel.Warning, "Refused a {Channel} request from {Source}: {Reason} (repeats within a minute are not logged)")]
    public static partial void SecurityRefusal(ILogger logger, string channel, string source, string reason);

    [LoggerMessage(12, LogLevel.Debug, "Answered an HTTP request the server could not take with {Status}: {Reason}")]
    public static partial void HttpRequestRefused(ILogger logger, int status, string reason);

    [LoggerMessage(13, LogLevel.Debug, "An HTTP intake connection ended: {Reason}")]
    public static partial void HttpConnectionEnded(ILogger logger, string reason);

    [LoggerMessage(14, LogLevel.Error, "The HTTP intake failed on {Method} {Path}; answered 500")]
    public static partial void HttpRequestFailed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(15, LogLevel.Error, "An HTTP intake connection failed and was closed")]
    public static partial void HttpConnectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(16, LogLevel.Warning, "The {Listener} could not accept a connection ({Reason}); trying again shortly")]
    public static partial void AcceptFailed(ILogger logger, string listener, string reason);

    [LoggerMessage(17, LogLevel.Error, "A {Listener} connection failed and was closed")]
    public static partial void ConnectionFailed(ILogger logger, string listener, Exception exception);

    [LoggerMessage(60, LogLevel.Warning, "TrayPop:Listener:AllowOtherUsers is on: other users' programs on this machine (every session of a terminal server) can drive pops and read the replies")]
    public static partial void OtherUsersAllowed(ILogger logger);

    [LoggerMessage(61, LogLevel.Warning, "This platform does not tell which user owns a loopback connection: the intake cannot refuse other users' programs; set TrayPop:Listener:Token")]
    public static partial void PeerOwnersUnknown(ILogger logger);
}
