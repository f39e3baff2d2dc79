using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Diagnostics;

/// <summary>
/// Every log message of the domain, source-generated: structured, cheap, never an interpolated string. No token is ever a parameter.
/// Parameters that carry outside text (CRM messages, names, origins) are escaped here, so no caller can forget.
/// </summary>
internal static partial class Log
{
    /// <summary>The one line per event that answers "what happened and why"; its texts are masked and escaped already.</summary>
    public static void CallHandled(ILogger logger, HandledEvent handled) =>
        CallHandled(logger, handled.Channel, handled.CallId ?? "-", handled.Type, handled.Phase, handled.Caller, handled.Outcome, handled.Status,
            handled.Decision ?? "-", handled.Url ?? "-", handled.Reason ?? "-");

    [LoggerMessage(1, LogLevel.Information, "Call via {Channel} id {CallId} {Type} {Phase} from {CallerId}: lookup {Outcome}, {Status}, decision {Decision}, url {Url}, why {Reason}")]
    private static partial void CallHandled(
        ILogger logger, string channel, string callId, string type, string phase, string callerId, string outcome, string status, string decision, string url, string reason);

    public static void LookupFailed(ILogger logger, string error, string message) =>
        LookupFailedEscaped(logger, error, OutsideText.Escape(message));

    [LoggerMessage(3, LogLevel.Information, "A lookup answered after the pop budget ran out ({Outcome}); it was not popped")]
    public static partial void LateAnswer(ILogger logger, string outcome);

    [LoggerMessage(4, LogLevel.Warning, "Pop rate limit reached: a {Type} call's {Kind} was not shown")]
    public static partial void RateLimited(ILogger logger, CallType type, PopKind kind);

    public static void LaunchRefused(ILogger logger, string origin, string crmOrigin) =>
        LaunchRefusedEscaped(logger, OutsideText.Escape(origin), crmOrigin);

    /// <summary>The texts are masked by the caller (<see cref="LogPrivacy"/>) and escaped here.</summary>
    public static void NotificationShown(ILogger logger, string title, string text, string? url) =>
        NotificationShownEscaped(logger, OutsideText.Escape(title), OutsideText.Escape(text, 1024), url is null ? null : OutsideText.Escape(url, 2048));

    /// <summary>A chooser without a tray: the matches are listed and none is opened. Texts masked by the caller, escaped here.</summary>
    public static void ChoicesShown(ILogger logger, string title, string text, IEnumerable<string> choices) =>
        ChoicesShownEscaped(logger, OutsideText.Escape(title), OutsideText.Escape(text, 1024), OutsideText.Escape(string.Join("; ", choices), 2048));

    [LoggerMessage(8, LogLevel.Information, "Notification: {Title} — {Text}; nothing opened, the matches are: {Choices}")]
    private static partial void ChoicesShownEscaped(ILogger logger, string title, string text, string choices);

    [LoggerMessage(2, LogLevel.Warning, "The CRM lookup failed ({Error}): {Message}")]
    private static partial void LookupFailedEscaped(ILogger logger, string error, string message);

    [LoggerMessage(5, LogLevel.Warning, "Refused to open a page on {Origin}: only {CrmOrigin} may be opened")]
    private static partial void LaunchRefusedEscaped(ILogger logger, string origin, string crmOrigin);

    [LoggerMessage(7, LogLevel.Information, "Notification: {Title} — {Text} (click: {Url})")]
    private static partial void NotificationShownEscaped(ILogger logger, string title, string text, string? url);

    [LoggerMessage(60, LogLevel.Warning, "Refused a {Type} {Phase} event: its caller id is neither a number, a SIP/tel address nor a withheld word")]
    public static partial void CallerIdRefused(ILogger logger, CallType type, CallPhase phase);

    [LoggerMessage(61, LogLevel.Warning, "Refused a {Type} {Phase} event: its call id is already known with another number")]
    public static partial void CallIdReused(ILogger logger, CallType type, CallPhase phase);

    [LoggerMessage(62, LogLevel.Warning, "Refused a {Type} {Phase} event: the CRM lookup budget of {PerSecond} per second is spent")]
    public static partial void LookupBudgetSpent(ILogger logger, CallType type, CallPhase phase, int perSecond);

    /// <summary>Once per event that did not reach the outbox (or whose popped record did not): nothing is dropped silently.</summary>
    [LoggerMessage(70, LogLevel.Error, "Journal outbox write failed for call id {CallId} ({Type} {Phase}): {Error}")]
    public static partial void JournalWriteFailed(ILogger logger, string callId, CallType type, CallPhase phase, string error);
}
