using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Diagnostics;

/// <summary>Every log message of the domain, source-generated: structured, cheap, never an interpolated string. No token is ever a parameter.</summary>
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

    [LoggerMessage(7, LogLevel.Information, "Notification: {Title} — {Text} (click: {Url})")]
    public static partial void NotificationShown(ILogger logger, string title, string text, string? url);

    [LoggerMessage(60, LogLevel.Warning, "Refused a {Type} {Phase} event: its caller id is neither a number, a SIP/tel address nor a withheld word")]
    public static partial void CallerIdRefused(ILogger logger, CallType type, CallPhase phase);

    [LoggerMessage(61, LogLevel.Warning, "Refused a {Type} {Phase} event: its call id is already known with another number")]
    public static partial void CallIdReused(ILogger logger, CallType type, CallPhase phase);

    [LoggerMessage(62, LogLevel.Warning, "Refused a {Type} {Phase} event: the CRM lookup budget of {PerSecond} per second is spent")]
    public static partial void LookupBudgetSpent(ILogger logger, CallType type, CallPhase phase, int perSecond);
}
