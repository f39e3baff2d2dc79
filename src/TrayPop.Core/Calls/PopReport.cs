using TrayPop.Core.Pop;

namespace TrayPop.Core.Calls;

/// <summary>What the pipeline did with one call event, as replied to the softphone.</summary>
public sealed record PopReport(CallEvent Event, PopStatus Status, PopDecision? Decision, string? Reason = null);
