using System.Text;
using TrayPop.Core.Calls;

namespace TrayPop.Core.Journal;

/// <summary>
/// Whether a call is journaled and as what: an answered call once it ends (or once it has lasted the maximum call length);
/// a call never answered only with <see cref="JournalOptions.MissedCalls"/>, as missed, 0 minutes.
/// </summary>
internal sealed class JournalDecision(JournalOptions options)
{
    private readonly IReadOnlySet<CallType> _types = options.ParseCallTypes().Types ?? new HashSet<CallType>();

    public bool Journals(CallType type) => _types.Contains(type);

    /// <summary>How long a call may go without its end before it is closed with what is known.</summary>
    public TimeSpan MaxCallLength => options.MaxCallLength;

    public JournalVerdict Decide(JournaledCall call, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!Journals(call.Type))
        {
            return JournalVerdict.Dropped;
        }

        var deadline = call.Deadline(options.MaxCallLength);
        if (call.EndedAt is null && now < deadline)
        {
            return JournalVerdict.Wait;
        }

        var outgoing = call.Type is CallType.Outbound or CallType.Predictive;
        var id = ActivityIds.For(userId, call);
        if (call.AnsweredAt is { } answered)
        {
            if (call.EndedAt is { } ended)
            {
                var end = ended < answered ? answered : ended;
                return JournalVerdict.Send(new PhonecallActivity(
                    id, Subject(call, outgoing ? "Outgoing" : "Incoming"), call.Number, outgoing, answered, end, Minutes(end - answered), call.Regarding, null));
            }

            return JournalVerdict.Send(new PhonecallActivity(
                id, Subject(call, outgoing ? "Outgoing" : "Incoming"), call.Number, outgoing, answered, null, null, call.Regarding,
                $"The softphone never reported the end of this call; TrayPop closed it after {options.MaxCallLength.TotalHours:0.##} h."));
        }

        if (!options.MissedCalls)
        {
            return JournalVerdict.Dropped;
        }

        var start = call.RingAt ?? call.FirstSeen;
        return JournalVerdict.Send(new PhonecallActivity(
            id, Subject(call, "Missed"), call.Number, outgoing, start, call.EndedAt ?? start, 0, call.Regarding, null));
    }

    // Dataverse keeps whole minutes; a call that lasted any time at all counts at least one.
    private static int Minutes(TimeSpan length) => (int)Math.Ceiling(length.TotalMinutes);

    private string Subject(JournaledCall call, string direction)
    {
        var text = options.Subject
            .Replace("{direction}", direction, StringComparison.Ordinal)
            .Replace("{name}", call.Name ?? string.Empty, StringComparison.Ordinal)
            .Replace("{number}", call.Number, StringComparison.Ordinal);
        var collapsed = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) || (collapsed.Length > 0 && collapsed[^1] != ' '))
            {
                collapsed.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        // Dataverse's subject holds 200 characters.
        var subject = collapsed.ToString().Trim();
        return subject.Length > 200 ? subject[..200] : subject.Length == 0 ? $"{direction} call" : subject;
    }
}
