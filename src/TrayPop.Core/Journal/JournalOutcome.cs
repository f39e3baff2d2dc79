namespace TrayPop.Core.Journal;

/// <summary>
/// Whether an event reached the outbox, as the softphone's reply says; <paramref name="Error"/> when it did not;
/// <paramref name="Pending"/> when the disk had not answered by the time the reply could wait no longer.
/// </summary>
internal sealed record JournalOutcome(bool Written, string? Error, bool Pending = false)
{
    public static readonly JournalOutcome Saved = new(true, null);

    public static readonly JournalOutcome StillWriting = new(false, null, Pending: true);

    /// <summary>What the reply says: written, pending or failed.</summary>
    public string State => Written ? "written" : Pending ? "pending" : "failed";

    public static JournalOutcome Failed(string error) => new(false, error);
}
