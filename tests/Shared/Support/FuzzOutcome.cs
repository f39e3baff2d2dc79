namespace TrayPop.Testing;

/// <summary>How the intake ended one fuzz case: the first three are fine, <see cref="Hung"/> is a failure.</summary>
internal enum FuzzOutcome
{
    /// <summary>Something came back (an answer, an error line), then the connection closed.</summary>
    Answered,

    /// <summary>Closed without a byte back: e.g. a request cut off inside its head, where there is nobody to answer.</summary>
    ClosedSilently,

    /// <summary>Reset (or refused) before anything came back.</summary>
    Reset,

    /// <summary>Neither answered nor closed within <see cref="FuzzRun.CaseBound"/>.</summary>
    Hung,
}
