namespace DataverseEmulator.Store.Tracking;

/// <summary>
/// Where a change-tracking read stands. <see cref="Since"/> is the delta token's version (0 for the first full
/// read); <see cref="Snapshot"/> the newest version the read covers, fixed by its first page so later changes wait
/// for the next delta; <see cref="After"/> the last version already handed out in the current phase.
/// </summary>
internal readonly record struct ChangeCursor(long Since, long Snapshot, long After, bool DeletedPhase)
{
    public bool IsDelta => Since > 0;
}
