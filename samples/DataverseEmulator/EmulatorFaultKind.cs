namespace DataverseEmulator;

public enum EmulatorFaultKind
{
    /// <summary>Wait, then answer normally.</summary>
    Latency,

    /// <summary>429 with Retry-After and Dataverse's service-protection error.</summary>
    Throttle,

    /// <summary>An error status (500, 503…) with an OData error body.</summary>
    Status,

    /// <summary>Abort the connection without an answer.</summary>
    DropConnection,
}
