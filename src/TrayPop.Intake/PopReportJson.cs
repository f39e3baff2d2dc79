using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrayPop.Core.Calls;
using TrayPop.Core.Diagnostics;
using TrayPop.Core.Lookup;
using TrayPop.Core.Pop;
using TrayPop.Intake.Http;

namespace TrayPop.Intake;

/// <summary>The JSON every channel replies with, and <c>lookup --json</c> prints: what was decided, found and opened.</summary>
internal static class PopReportJson
{
    public static byte[] Report(PopReport report) => Write(writer =>
    {
        writer.WriteString("status", Kebab(report.Status.ToString()));
        if (report.Event.CallId is not null)
        {
            writer.WriteString("callId", report.Event.CallId);
        }

        writer.WriteString("type", Kebab(report.Event.Type.ToString()));
        writer.WriteString("phase", report.Event.Phase == CallPhase.Now ? null : Kebab(report.Event.Phase.ToString()));
        writer.WriteString("action", report.Decision is null ? null : Kebab(report.Decision.Kind.ToString()));
        if (report.Decision?.Result is { } result)
        {
            WriteResult(writer, result);
            writer.WriteNumber("count", result.Matches.Count);
        }

        writer.WriteString("url", (report.Decision?.Url ?? report.Decision?.Notification?.ClickUrl)?.AbsoluteUri);
        if (report.Reason is not null)
        {
            writer.WriteString("reason", report.Reason);
        }

        if (report.ToShow is { } toShow)
        {
            // TrayPop's own part plus the CRM round trip, from the event's arrival to the browser or notification being called.
            writer.WriteNumber("elapsedMs", Math.Round(toShow.TotalMilliseconds, 3));
        }

        if (report.Journal is { } journal)
        {
            // Whether the event is in the journal's outbox; when it is not, why (the pop itself went ahead).
            writer.WriteString("journal", journal.State);
            if (journal.Error is not null)
            {
                writer.WriteString("journalError", journal.Error);
            }
        }
    });

    /// <summary><c>{"outcome":…,"matches":[…],"url":…}</c>, the contract of <c>traypop lookup --json</c>.</summary>
    public static byte[] Lookup(LookupResult result, Uri? url) => Write(writer =>
    {
        WriteResult(writer, result);
        writer.WriteString("url", url?.AbsoluteUri);
    });

    /// <summary>
    /// The HTTP status of a report that is a refusal rather than a decision (the line protocol answers it with an error
    /// line): 400 for an event that cannot be a real call, 429 past the lookup budget; null for every other report.
    /// </summary>
    public static int? ErrorStatus(PopReport report) => report.Status switch
    {
        PopStatus.Refused => HttpStatus.BadRequest,
        PopStatus.Throttled => HttpStatus.TooManyRequests,
        _ => null,
    };

    /// <summary><c>{"recent":[…]}</c>, newest first: the line protocol's answer to <c>{"command":"recent"}</c>.</summary>
    public static byte[] Recent(IReadOnlyList<HandledEvent> events) => Write(writer =>
    {
        writer.WriteStartArray("recent");
        foreach (var handled in events)
        {
            writer.WriteStartObject();
            writer.WriteString("at", handled.At);
            writer.WriteString("channel", handled.Channel);
            writer.WriteString("callId", handled.CallId);
            writer.WriteString("type", handled.Type);
            writer.WriteString("phase", handled.Phase);
            writer.WriteString("callerId", handled.Caller);
            writer.WriteString("outcome", handled.Outcome);
            writer.WriteString("status", handled.Status);
            writer.WriteString("action", handled.Decision);
            writer.WriteString("url", handled.Url);
            writer.WriteString("reason", handled.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static byte[] Error(string reason) => Write(writer => writer.WriteString("error", reason));

    private static void WriteResult(Utf8JsonWriter writer, LookupResult result)
    {
        writer.WriteString("outcome", Kebab(result.Outcome.ToString()));
        writer.WriteStartArray("matches");
        foreach (var match in result.Matches)
        {
            writer.WriteStartObject();
            writer.WriteString("entity", match.Entity);
            writer.WriteString("id", match.Id);
            writer.WriteString("name", match.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        // Relaxed escaping keeps URLs readable (no \u0026); the replies are JSON for programs, never embedded in HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Kebab(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
