using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TrayPop.Core.Calls;
using TrayPop.Core.Hosting;
using TrayPop.Core.Intake;

namespace TrayPop.Core.Cli;

/// <summary>
/// <c>traypop pop NUMBER</c>: hands one call event to this session's running TrayPop over its loopback intake
/// and returns at once; says plainly when none is running. Softphones such as MicroSIP run it with the number appended.
/// </summary>
internal static class PopVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, CallEvent callEvent, CancellationToken cancellationToken)
    {
        var configuration = TrayPopConfiguration.Build(settings, platform);
        var listener = configuration.GetSection(ListenerOptions.Section).Get<ListenerOptions>() ?? new ListenerOptions();
        // This session's instance, by the rule the service listens by (an explicit TrayPop:Listener:Port wins).
        listener.SessionId = platform.SessionId;
        var port = listener.Port;
        var query = new StringBuilder("/call?number=").Append(Uri.EscapeDataString(callEvent.Number))
            .Append("&type=").Append(callEvent.Type.ToString().ToLowerInvariant());
        if (callEvent.Phase != CallPhase.Now)
        {
            query.Append("&phase=").Append(callEvent.Phase.ToString().ToLowerInvariant());
        }

        if (callEvent.CallId is not null)
        {
            query.Append("&callId=").Append(Uri.EscapeDataString(callEvent.CallId));
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var token = ListenerSecret.Read(listener);
        if (token is not null)
        {
            http.DefaultRequestHeaders.Add("X-TrayPop-Token", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(query.ToString(), UriKind.Relative), cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } || ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            await Console.Error.WriteLineAsync($"No TrayPop is running in this session: nothing listens on 127.0.0.1:{port}. Start it with 'traypop run' (or check TrayPop:Listener:Port and BasePort).");
            return StartupErrors.NotRunning;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                await Console.Error.WriteLineAsync($"TrayPop refused the call event ({(int)response.StatusCode}): {Reason(body)}");
                return StartupErrors.BadConfiguration;
            }

            Console.WriteLine(body);
            return 0;
        }
    }

    private static string Reason(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
