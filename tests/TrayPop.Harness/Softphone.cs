using System.Net.Sockets;
using System.Text.Json;

namespace TrayPop.Harness;

/// <summary>
/// Places planned calls event by event over their channels. An event that gets no reply (the service was killed under
/// it) is sent again once the service is back, as a softphone's retry would; only a reply counts as delivered.
/// </summary>
internal sealed class Softphone(Service service) : IDisposable
{
    private Channels _channels = new(service.Port, service.LinePort);

    public async Task PlaceAsync(CallPlan plan)
    {
        foreach (var planned in plan.Events)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (true)
            {
                planned.Attempts++;
                var sent = DateTimeOffset.UtcNow;
                plan.FirstSent = sent < plan.FirstSent ? sent : plan.FirstSent;
                try
                {
                    var reply = await _channels.SendAsync(planned.Channel, plan.Number, plan.CallId, plan.Type, planned.Phase);
                    if (reply.TryGetProperty("error", out var error))
                    {
                        throw new InvalidOperationException($"call {plan.Index} {planned.Phase}: {error.GetString()}");
                    }

                    plan.Replied(planned, reply);
                    plan.LastReplied = DateTimeOffset.UtcNow;
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException or JsonException or TaskCanceledException && DateTime.UtcNow < deadline)
                {
                    // Killed under us: new connections once the service listens again.
                    _channels.Dispose();
                    await Task.Delay(50);
                    _channels = new Channels(service.Port, service.LinePort);
                }
            }
        }
    }

    public void Dispose() => _channels.Dispose();
}
