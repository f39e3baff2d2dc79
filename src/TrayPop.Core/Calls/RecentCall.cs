using TrayPop.Core.Pop;

namespace TrayPop.Core.Calls;

/// <summary>
/// One call the agent may want to get back to: when it came, who (as shown), and the page it opened
/// or offered (the record, the search page, or the new-contact form), or for a caller several records
/// share, the records the agent could choose from.
/// </summary>
/// <param name="Url">The page; null when the call offered <paramref name="Choices"/> instead.</param>
/// <param name="CallId">The softphone's id, so a call's later phases replace its entry instead of adding one.</param>
internal sealed record RecentCall(DateTimeOffset At, string Caller, Uri? Url, string? CallId = null, IReadOnlyList<NotificationChoice>? Choices = null);
