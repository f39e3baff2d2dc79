namespace TrayPop.Core.Calls;

/// <summary>
/// One call the agent may want to get back to: when it came, who (as shown), and the page it opened
/// or offered (the record, the search page, or the new-contact form).
/// </summary>
/// <param name="CallId">The softphone's id, so a call's later phases replace its entry instead of adding one.</param>
internal sealed record RecentCall(DateTimeOffset At, string Caller, Uri Url, string? CallId = null);
