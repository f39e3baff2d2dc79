using TrayPop.Core.Lookup;

namespace TrayPop.Core.Pop;

/// <summary>What to show the agent for one call: a page to open, a notification, both, or nothing.</summary>
internal sealed record PopDecision(PopKind Kind, Uri? Url, Notification? Notification, LookupResult? Result)
{
    public static PopDecision Nothing(LookupResult? result = null) => new(PopKind.Nothing, null, null, result);
}
