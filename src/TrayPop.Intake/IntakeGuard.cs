using Microsoft.Extensions.Options;
using TrayPop.Intake.Http;

namespace TrayPop.Intake;

/// <summary>
/// Only the agent's own programs may drive the intake. A request must name a loopback host and our port
/// (a page that rebinds its DNS name to 127.0.0.1 names its own host), must not come from a web page
/// (browsers mark those with <c>Origin</c> and <c>Sec-Fetch-Site</c>; a top-level navigation the softphone
/// itself opens carries neither, so <c>/pop</c> still works), must carry the shared secret when one is set,
/// and must keep to the per-connection event rate.
/// </summary>
internal sealed class IntakeGuard(IOptions<ListenerOptions> options, ListenerSecret secret, RefusalLog refusals, TimeProvider time)
{
    private readonly int _port = options.Value.Port;
    private readonly int _perSecond = options.Value.MaxEventsPerSecond;

    /// <summary>The answer that refuses <paramref name="request"/>, or null when it may go on to its endpoint.</summary>
    public HttpResponse? Refuse(HttpRequest request)
    {
        var (status, reason, source) = Refusal(request);
        if (status == 0 && IsEvent(request) && !Rate(request.Connection).TryAcquire())
        {
            (status, reason, source) = (HttpStatus.TooManyRequests, $"more than {_perSecond} call events per second on one connection", "a local connection");
        }

        if (status == 0)
        {
            return null;
        }

        refusals.Refused("http", source!, reason!);
        return HttpResponse.Json(status, PopReportJson.Error(reason!));
    }

    private (int Status, string? Reason, string? Source) Refusal(HttpRequest request)
    {
        var host = request.Host;
        var (hostName, port) = string.IsNullOrEmpty(host) ? ("", null) : HostHeader.Split(host);
        if (string.IsNullOrEmpty(host) || !IsLoopbackName(hostName) || (port ?? 80) != _port)
        {
            return (HttpStatus.Forbidden, "the Host header must be 127.0.0.1, localhost or [::1] with this listener's port", $"host '{Printable(host)}'");
        }

        var origin = request.Headers["Origin"] ?? "";
        if (origin.Length > 0 && origin != "null")
        {
            return (HttpStatus.Forbidden, "requests from web pages are refused", $"origin '{Printable(origin)}'");
        }

        var site = request.Headers["Sec-Fetch-Site"] ?? "";
        if (site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase))
        {
            return (HttpStatus.Forbidden, "requests from web pages are refused", $"a {site} web page");
        }

        if (secret.Required && !secret.Accepts(PresentedToken(request)))
        {
            return (HttpStatus.Unauthorized, "the TrayPop token is missing or wrong (X-TrayPop-Token header or token= parameter)", request.Connection.Peer);
        }

        return (0, null, null);
    }

    private static string? PresentedToken(HttpRequest request) => request.Headers["X-TrayPop-Token"] ?? request.Query["token"];

    private static bool IsEvent(HttpRequest request) => StartsWithSegment(request.Path, "/call") || StartsWithSegment(request.Path, "/pop");

    /// <summary>As ASP.NET Core's <c>PathString.StartsWithSegments</c>: the segment itself, or it followed by <c>/</c>; case-insensitive.</summary>
    private static bool StartsWithSegment(string path, string segment) =>
        path.StartsWith(segment, StringComparison.OrdinalIgnoreCase) && (path.Length == segment.Length || path[segment.Length] == '/');

    /// <summary>The rate of this connection, kept with the connection so it ends with it.</summary>
    private ConnectionRate Rate(HttpConnection connection) => connection.EventRate ??= new ConnectionRate(_perSecond, time);

    private static bool IsLoopbackName(string host) =>
        host is "127.0.0.1" or "[::1]" or "::1" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private static string Printable(string? text) =>
        new((text ?? "").Where(c => !char.IsControl(c)).Take(80).ToArray());
}
