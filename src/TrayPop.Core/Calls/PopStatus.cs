namespace TrayPop.Core.Calls;

/// <summary>What became of one call event.</summary>
internal enum PopStatus
{
    /// <summary>Something was shown: a page opened, a notification, or both.</summary>
    Popped,

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
