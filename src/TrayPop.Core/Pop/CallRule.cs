using TrayPop.Core.Calls;

namespace TrayPop.Core.Pop;

/// <summary>What to do for one call type, and at which moment of the call.</summary>
internal sealed class CallRule
{
    public PopAction Action { get; set; } = PopAction.OpenRecord;

    /// <summary>The phase that pops: <see cref="CallPhase.Ring"/> or <see cref="CallPhase.Answer"/>.</summary>
    public CallPhase When { get; set; } = CallPhase.Answer;

    /// <summary>Look the caller up as soon as the call rings, so the answer pops with no second round trip.</summary>
    public bool ResolveOnRing { get; set; } = true;

    /// <summary>For <see cref="PopAction.Url"/>: a URL under the CRM's origin with <c>{number}</c>, <c>{id}</c>, <c>{entity}</c>.</summary>
    public string? UrlTemplate { get; set; }
}
