namespace TrayPop.Core.Tray;

/// <summary>
/// One call the agent may want to get back to: when it came, who (as shown), and the page it opened
/// or offered (the record, the search page, or the new-contact form).
/// </summary>
internal sealed record RecentCall(DateTimeOffset At, string Caller, Uri Url);
