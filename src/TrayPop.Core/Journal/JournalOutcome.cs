namespace TrayPop.Core.Journal;

/// <summary>Whether an event reached the outbox, as the softphone's reply says; <paramref name="Error"/> when it did not.</summary>
internal sealed record JournalOutcome(bool Written, string? Error)
{
    public static readonly JournalOutcome Saved = new(true, null);

    public static JournalOutcome Failed(string error) => new(false, error);
}
