using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Diagnostics;

/// <summary>Every log message of the core, source-generated: structured, cheap, never an interpolated string. No token is ever a parameter.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Call {Type} {Phase}: {Status} {Kind}")]
    public static partial void CallHandled(ILogger logger, CallType type, CallPhase phase, PopStatus status, PopKind? kind);

    [LoggerMessage(2, LogLevel.Warning, "The CRM lookup failed ({Error}): {Message}")]
    public static partial void LookupFailed(ILogger logger, string error, string message);

    [LoggerMessage(3, LogLevel.Information, "A lookup answered after the pop budget ran out ({Outcome}); it was not popped")]
    public static partial void LateAnswer(ILogger logger, string outcome);

    [LoggerMessage(4, LogLevel.Warning, "Pop rate limit reached: a {Type} call's {Kind} was not shown")]
    public static partial void RateLimited(ILogger logger, CallType type, PopKind kind);

    [LoggerMessage(5, LogLevel.Warning, "Refused to open a page on {Origin}: only {CrmOrigin} may be opened")]
    public static partial void LaunchRefused(ILogger logger, string origin, string crmOrigin);

    [LoggerMessage(6, LogLevel.Error, "Could not start a browser for {Url}: {Reason}")]
    public static partial void LaunchFailed(ILogger logger, string url, string reason);

    [LoggerMessage(7, LogLevel.Information, "Notification: {Title} — {Text} (click: {Url})")]
    public static partial void NotificationShown(ILogger logger, string title, string text, string? url);

    [LoggerMessage(8, LogLevel.Information, "Listening for call events on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(9, LogLevel.Warning, "Rejected a call event from {Channel}: {Reason}")]
    public static partial void EventRejected(ILogger logger, string channel, string reason);

    [LoggerMessage(10, LogLevel.Warning, "A line-protocol connection failed: {Reason}")]
    public static partial void LineConnectionFailed(ILogger logger, string reason);

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
}
