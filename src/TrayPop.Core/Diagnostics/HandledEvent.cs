using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;

namespace TrayPop.Core.Diagnostics;

/// <summary>
/// What happened to one call event and why, as the log line and <c>traypop recent</c> show it: where it came from, the
/// call, the caller id as received, what the lookup found, what was done and the page handed to the browser. Outside
/// text is masked (<see cref="LogPrivacy"/>) and escaped when the entry is made, so no reader can forget.
/// </summary>
/// <param name="Outcome"><c>match</c>, <c>multiple</c>, <c>none</c>, <c>withheld</c>, <c>refused</c>, <c>throttled</c>,
/// <c>crm-unavailable</c> (decided without the CRM), or <c>-</c> when nothing was looked up for this event.</param>
internal sealed record HandledEvent(
    DateTimeOffset At,
    string Channel,
    string? CallId,
    string Type,
    string Phase,
    string Caller,
    string Outcome,
    string Status,
    string? Decision,
    string? Url,
    string? Reason)
{
    private const int MaxUrlLength = 2048;

    public static HandledEvent From(PopReport report, LogPrivacy privacy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(privacy);
        var callEvent = report.Event;
        var url = report.Decision?.Url ?? report.Decision?.Notification?.ClickUrl;
        return new HandledEvent(
            at,
            OutsideText.Escape(callEvent.Channel),
            callEvent.CallId is null ? null : privacy.Outside(callEvent.CallId),
            Kebab(callEvent.Type.ToString()),
            Kebab(callEvent.Phase.ToString()),
            privacy.Outside(callEvent.Number),
            OutcomeOf(report),
            Kebab(report.Status.ToString()),
            report.Decision is null ? null : Kebab(report.Decision.Kind.ToString()),
            url is null ? null : privacy.Outside(url.AbsoluteUri, MaxUrlLength),
            report.Reason is null ? null : privacy.Outside(report.Reason));
    }

    /// <summary><c>RateLimited</c> → <c>rate-limited</c>: the words of the reply JSON.</summary>
    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static string OutcomeOf(PopReport report) => report switch
    {
        { Status: PopStatus.Refused } => "refused",
        { Status: PopStatus.Throttled } => "throttled",
        { Decision.Result: { } result } => Kebab(result.Outcome.ToString()),
        { Decision: not null } => "crm-unavailable",
        _ => "-",
    };
}
