using TrayPop.Core.Calls;

namespace TrayPop.Core.Pop;

/// <summary>
/// One rule per call type (<c>TrayPop:Pop:Rules:Inbound</c>…). The defaults follow what agents expect:
/// a queue call that rings ten agents opens a record only for the one who answers; internal calls pop nothing.
/// </summary>
internal sealed class CallRules
{
    public CallRule Inbound { get; set; } = new() { Action = PopAction.OpenRecord, When = CallPhase.Answer };

    public CallRule Outbound { get; set; } = new() { Action = PopAction.OpenRecord, When = CallPhase.Answer };

    public CallRule Internal { get; set; } = new() { Action = PopAction.Nothing, When = CallPhase.Answer, ResolveOnRing = false };

    public CallRule Predictive { get; set; } = new() { Action = PopAction.OpenRecord, When = CallPhase.Answer };

    public CallRule For(CallType type) => type switch
    {
        CallType.Outbound => Outbound,
        CallType.Internal => Internal,
        CallType.Predictive => Predictive,
        _ => Inbound,
    };

    internal IEnumerable<(CallType Type, CallRule Rule)> All =>
        [(CallType.Inbound, Inbound), (CallType.Outbound, Outbound), (CallType.Internal, Internal), (CallType.Predictive, Predictive)];
}
