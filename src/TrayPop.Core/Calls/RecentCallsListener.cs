using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;

namespace TrayPop.Core.Calls;

/// <summary>Feeds the tray's Recent calls from the pipeline: every call that had a page to show, even when paused.</summary>
internal sealed class RecentCallsListener(RecentCalls recent, TimeProvider time) : IPopListener
{
    public void OnHandled(PopReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status is not (PopStatus.Opened or PopStatus.Notified or PopStatus.Redirected or PopStatus.Paused or PopStatus.RateLimited))
        {
            return;
        }

        if (report.Decision?.Notification?.Choices is { Count: > 0 } choices)
        {
            recent.Add(new RecentCall(time.GetUtcNow(), Caller(report), null, report.Event.CallId, choices));
            return;
        }

        if ((report.Decision?.Url ?? report.Decision?.Notification?.ClickUrl) is not { } url)
        {
            return;
        }

        recent.Add(new RecentCall(time.GetUtcNow(), Caller(report), url, report.Event.CallId));
    }

    private static string Caller(PopReport report)
    {
        var result = report.Decision?.Result;
        var number = result?.CallerId.Text is { Length: > 0 } text ? text : report.Event.Number;
        return result switch
        {
            { Outcome: LookupOutcome.Match, Matches: [var match] } => $"{match.Name} ({number})",
            { Outcome: LookupOutcome.Multiple } => $"{number} ({result.Matches.Count} matches)",
            _ => report.Event.DisplayName is { Length: > 0 } name ? $"{name} ({number})" : number,
        };
    }
}
