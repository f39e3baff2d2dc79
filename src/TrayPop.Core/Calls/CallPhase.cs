namespace TrayPop.Core.Calls;

/// <summary>The moment of the call an event reports; <see cref="Now"/> is an event without a phase ("act now").</summary>
internal enum CallPhase
{
    Now,
    Ring,
    Answer,
    End,
}
