namespace TrayPop.Core.Calls;

/// <summary>One thing a softphone told us about a call.</summary>
/// <param name="Number">The other party's number or caller id exactly as received (SIP URI, tel: URI, digits…).</param>
/// <param name="Type">Inbound, outbound, internal or predictive.</param>
/// <param name="Phase">Ring, answer, end, or <see cref="CallPhase.Now"/> when the softphone gave none.</param>
/// <param name="CallId">The softphone's id for the call, when it has one.</param>
/// <param name="AgentExtension">The agent's own extension, when given.</param>
/// <param name="DisplayName">The caller's display name, when given.</param>
/// <param name="Channel">Which intake it came through (<see cref="CallChannels"/>), for the log and <c>traypop recent</c>.</param>
internal sealed record CallEvent(
    string Number,
    CallType Type = CallType.Inbound,
    CallPhase Phase = CallPhase.Now,
    string? CallId = null,
    string? AgentExtension = null,
    string? DisplayName = null,
    string Channel = CallChannels.Unknown);
