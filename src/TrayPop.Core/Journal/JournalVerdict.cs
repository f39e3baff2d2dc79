namespace TrayPop.Core.Journal;

/// <summary>What to do with a call in the outbox now: wait for more events, drop it, or send its activity.</summary>
internal sealed record JournalVerdict(PhonecallActivity? Activity, bool Drop)
{
    public static readonly JournalVerdict Wait = new(null, false);

    public static readonly JournalVerdict Dropped = new(null, true);

    public static JournalVerdict Send(PhonecallActivity activity) => new(activity, false);
}
