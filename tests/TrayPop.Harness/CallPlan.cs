using System.Text.Json;

namespace TrayPop.Harness;

internal enum CallKind
{
    Answered,
    Missed,
    Rejected,
}

/// <summary>
/// One call of the journal run, the same for a given index on every run: its kind, type, number, call id (one in ten has
/// none), the channel of each event, and what its replies said.
/// </summary>
internal sealed class CallPlan
{
    private static readonly string[] Types = ["inbound", "inbound", "inbound", "outbound", "inbound", "predictive", "internal"];

    private CallPlan(int index, CallKind kind, string type, string number, string e164, Guid? record, string? callId)
    {
        (Index, Kind, Type, Number, E164, Record, CallId) = (index, kind, type, number, e164, record, callId);
        string[] phases = kind switch
        {
            CallKind.Answered => ["ring", "answer", "end"],
            // Missed: it rang here (twice, the second from another channel) and was answered elsewhere or given up.
            CallKind.Missed => ["ring", "ring", "end"],
            _ => ["ring", "end"],
        };
        Events = [.. phases.Select((phase, i) => new PlannedEvent(phase, Channels.Names[(index + i) % Channels.Names.Length]))];
    }

    public int Index { get; }

    public CallKind Kind { get; }

    public string Type { get; }

    /// <summary>As the softphone presents it (E.164, national or a SIP URI).</summary>
    public string Number { get; }

    public string E164 { get; }

    /// <summary>The record that holds the number in the seed; null for an unknown caller.</summary>
    public Guid? Record { get; }

    public string? CallId { get; }

    public IReadOnlyList<PlannedEvent> Events { get; }

    public bool Journaled => Type != "internal";

    /// <summary>The record a reply said was popped (one match), if any did.</summary>
    public Guid? PoppedRecord { get; set; }

    public DateTimeOffset FirstSent { get; set; } = DateTimeOffset.MaxValue;

    public DateTimeOffset LastReplied { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Whether a time the CRM holds for this call lies within its traffic (a second either side).</summary>
    public bool Window(DateTimeOffset at) => at >= FirstSent.AddSeconds(-1) && at <= LastReplied.AddSeconds(1);

    public static CallPlan For(int i)
    {
        var kind = (i % 10) switch
        {
            < 6 => CallKind.Answered,
            < 8 => CallKind.Missed,
            _ => CallKind.Rejected,
        };
        var type = Types[i % Types.Length];
        // One call in ten has no call id: it is followed by its number, so each such call gets a number of its own.
        var withoutId = i % 10 == 3;
        var contact = withoutId ? (i / 10) % HarnessSeed.Contacts : i % HarnessSeed.Contacts;
        var (number, e164, record) = (withoutId ? 0 : i % 20) switch
        {
            5 => ($"+1312555{i % 50:0000}", $"+1312555{i % 50:0000}", HarnessSeed.RecordId(2, i % 50)),
            6 => ($"+1312555{5000 + (i % 50):0000}", $"+1312555{5000 + (i % 50):0000}", HarnessSeed.RecordId(3, i % 50)),
            19 => (HarnessSeed.Unknown(i), HarnessSeed.Unknown(i), (Guid?)null),
            _ => (HarnessSeed.CallerId(contact), $"+1206555{contact:0000}", HarnessSeed.RecordId(1, contact)),
        };
        return new CallPlan(i, kind, type, number, e164, record, withoutId ? null : $"jr-{i}");
    }

    /// <summary>Notes what a reply says: a popped record, whether the journal write failed.</summary>
    public void Replied(PlannedEvent planned, JsonElement reply)
    {
        if (reply.TryGetProperty("outcome", out var outcome) && outcome.GetString() == "match"
            && reply.TryGetProperty("matches", out var matches) && matches.GetArrayLength() == 1)
        {
            PoppedRecord = matches[0].GetProperty("id").GetGuid();
        }

        planned.JournalFailed |= reply.TryGetProperty("journal", out var journal) && journal.GetString() == "failed";
    }
}

/// <summary>One event of a planned call: its phase, its channel, how often it was sent before a reply came.</summary>
internal sealed class PlannedEvent(string phase, string channel)
{
    public string Phase { get; } = phase;

    public string Channel { get; } = channel;

    public int Attempts { get; set; }

    public bool JournalFailed { get; set; }
}
