using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrayPop.Core.Calls;
using TrayPop.Core.Dataverse;
using TrayPop.Core.Intake.Http;

namespace TrayPop.Core.Intake;

/// <summary>
/// <c>GET /health</c>: version, listeners, whether the CRM answers WhoAmI. The CRM is asked at most once per
/// <see cref="CacheFor"/>, so a monitoring loop cannot turn into load on Dataverse.
/// </summary>
internal sealed class HealthReport(IServiceProvider services, IOptions<DataverseOptions> dataverse, IOptions<ListenerOptions> listener, PopSwitch popSwitch, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, bool Reachable, string? User, string? Error)? _last;

    public static string Version { get; } = typeof(HealthReport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public void Dispose() => _gate.Dispose();

    public async Task<HttpResponse> AnswerAsync(CancellationToken cancellationToken)
    {
        var crm = await CheckCrmAsync(cancellationToken);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", crm.Reachable ? "ok" : "degraded");
            writer.WriteString("version", Version);
            writer.WriteStartObject("crm");
            writer.WriteString("url", dataverse.Value.Url);
            writer.WriteString("authMode", dataverse.Value.Auth.Mode.ToString());
            writer.WriteBoolean("reachable", crm.Reachable);
            writer.WriteString("userId", crm.User);
            writer.WriteString("error", crm.Error);
            writer.WriteEndObject();
            writer.WriteStartObject("listener");
            writer.WriteNumber("port", listener.Value.Port);
            writer.WriteNumber("linePort", listener.Value.LinePort);
            writer.WriteEndObject();
            writer.WriteString("index", "none");
            writer.WriteBoolean("paused", popSwitch.Paused);
            writer.WriteEndObject();
        }

        return HttpResponse.Json(HttpStatus.Ok, buffer.WrittenSpan.ToArray());
    }

    private async Task<(DateTimeOffset At, bool Reachable, string? User, string? Error)> CheckCrmAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.At < CacheFor)
            {
                return last;
            }

            try
            {
                var whoAmI = await services.GetRequiredService<DataverseClient>().WhoAmIAsync(cancellationToken);
                _last = (now, true, whoAmI.UserId.ToString(), null);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _last = (now, false, null, ex.Message);
            }

            return _last.Value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
