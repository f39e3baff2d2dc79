using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Core.Diagnostics;
using TrayPop.Core.Journal;
using TrayPop.Core.Lookup;
using TrayPop.Intake.Http;

namespace TrayPop.Intake;

/// <summary>
/// <c>GET /health</c>: version, listeners, whether the CRM answers WhoAmI. The CRM is asked at most once per
/// <see cref="CacheFor"/>, so a monitoring loop cannot turn into load on Dataverse.
/// </summary>
internal sealed class HealthReport(IConnectionCheck connection, IOptions<ListenerOptions> listener, PopSwitch popSwitch, ILookupStrategyState lookup, JournalStatus? journal = null)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    public async Task<HttpResponse> AnswerAsync(CancellationToken cancellationToken)
    {
        var crm = await connection.CheckAsync(CacheFor, cancellationToken);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", crm.SignedIn ? "ok" : "degraded");
            writer.WriteString("version", ProductVersion.Text);
            writer.WriteStartObject("crm");
            writer.WriteString("url", connection.Organisation);
            writer.WriteString("authMode", connection.SignInMode);
            writer.WriteBoolean("reachable", crm.SignedIn);
            writer.WriteString("userId", crm.UserId?.ToString());
            writer.WriteString("error", crm.SignedIn ? null : crm.Message);
            writer.WriteEndObject();
            writer.WriteStartObject("listener");
            writer.WriteNumber("port", listener.Value.Port);
            writer.WriteNumber("linePort", listener.Value.LinePort);
            writer.WriteEndObject();
            writer.WriteString("index", lookup.Index);
            writer.WriteBoolean("paused", popSwitch.Paused);
            if (journal is { Enabled: true })
            {
                // The outbox: calls not yet in the CRM, the oldest one's first event, the last failure (to send, or to write the outbox),
                // and how many events since start could not be written to it.
                writer.WriteStartObject("journal");
                writer.WriteNumber("waiting", journal.Waiting);
                writer.WriteString("oldest", journal.Oldest?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("lastError", journal.LastError);
                writer.WriteNumber("notJournaled", journal.NotJournaled);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return HttpResponse.Json(HttpStatus.Ok, buffer.WrittenSpan.ToArray());
    }
}
