namespace TrayPop.Core.Calls;

/// <summary>What became of one call event, in words that say what happened.</summary>
internal enum PopStatus
{
    /// <summary>A page was handed to the browser (with a notification too, when the decision has one).</summary>
    Opened,

    /// <summary>A notification was shown, and no page opened.</summary>
    Notified,

    /// <summary><c>GET /pop</c>: the browser was answered with a redirect to the page; TrayPop launched nothing.</summary>
    Redirected,

    /// <summary>The caller withheld the number (or gave an address with none in it): nothing to look up, nothing opened.</summary>
    Withheld,

    /// <summary>Decided, and the decision is to show nothing (e.g. an unknown caller with <c>UnknownCaller=Nothing</c>).</summary>
    Nothing,

    /// <summary>Looked up (or waiting) for a later phase: the rule pops on answer.</summary>
    Resolved,

    /// <summary>The call already popped; nothing shown again.</summary>
    Duplicate,

    /// <summary>The rule for this call type does nothing now.</summary>
    Ignored,

    /// <summary>Pops are paused by the agent; the call is kept in the recent list.</summary>
    Paused,

    /// <summary>Too many pops in a short time: not shown, logged and kept in the recent list.</summary>
    RateLimited,

    /// <summary>The call ended; its state is forgotten.</summary>
    Ended,

    /// <summary>
    /// The event cannot be a real call (a caller id that is no number, address or withheld word; a call id already
    /// known with another number): nothing looked up, nothing shown, no pop budget spent. The intakes answer 400.
    /// </summary>
    Refused,

    /// <summary>The CRM lookup budget is spent (ring-time lookups first): nothing asked of the CRM. The intakes answer 429.</summary>
    Throttled,
}
