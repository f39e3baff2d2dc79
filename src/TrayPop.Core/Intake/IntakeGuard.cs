using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TrayPop.Core.Intake;

/// <summary>
/// Only the agent's own programs may drive the intake. A request must name a loopback host and our port
/// (a page that rebinds its DNS name to 127.0.0.1 names its own host), must not come from a web page
/// (browsers mark those with <c>Origin</c> and <c>Sec-Fetch-Site</c>; a top-level navigation the softphone
/// itself opens carries neither, so <c>/pop</c> still works), must carry the shared secret when one is set,
/// and must keep to the per-connection event rate.
/// </summary>
internal sealed class IntakeGuard(RequestDelegate next, IOptions<ListenerOptions> options, ListenerSecret secret, RefusalLog refusals, TimeProvider time)
{
    private readonly int _port = options.Value.Port;
    private readonly int _perSecond = options.Value.MaxEventsPerSecond;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var (status, reason, source) = Refusal(request);
        if (status == 0 && IsEvent(request) && !Rate(context).TryAcquire())
        {
            (status, reason, source) = (StatusCodes.Status429TooManyRequests, $"more than {_perSecond} call events per second on one connection", "a local connection");
        }

        if (status == 0)
        {
            return next(context);
        }

        refusals.Refused("http", source!, reason!);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(PopReportJson.Error(reason!)).AsTask();
    }

    private (int Status, string? Reason, string? Source) Refusal(HttpRequest request)
    {
        var host = request.Host;
        if (!host.HasValue || !IsLoopbackName(host.Host) || (host.Port ?? 80) != _port)
        {
            return (StatusCodes.Status403Forbidden, "the Host header must be 127.0.0.1, localhost or [::1] with this listener's port", $"host '{Printable(host.Value)}'");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null")
        {
            return (StatusCodes.Status403Forbidden, "requests from web pages are refused", $"origin '{Printable(origin)}'");
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status403Forbidden, "requests from web pages are refused", $"a {site} web page");
        }

        if (secret.Required && !secret.Accepts(PresentedToken(request)))
        {
            return (StatusCodes.Status401Unauthorized, "the TrayPop token is missing or wrong (X-TrayPop-Token header or token= parameter)", "a local process");
        }

        return (0, null, null);
    }

    private static string? PresentedToken(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-TrayPop-Token", out var header))
        {
            return header.ToString();
        }

        return request.Query.TryGetValue("token", out var query) ? query.ToString() : null;
    }

    private static bool IsEvent(HttpRequest request) => request.Path.StartsWithSegments("/call") || request.Path.StartsWithSegments("/pop");

    /// <summary>The rate of this connection, kept with the connection so it ends with it.</summary>
    private ConnectionRate Rate(HttpContext context)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items is null)
        {
            return new ConnectionRate(_perSecond, time);
        }

        if (items.TryGetValue(typeof(ConnectionRate), out var existing) && existing is ConnectionRate rate)
        {
            return rate;
        }

        rate = new ConnectionRate(_perSecond, time);
        items[typeof(ConnectionRate)] = rate;
        return rate;
    }

    private static bool IsLoopbackName(string host) =>
        host is "127.0.0.1" or "[::1]" or "::1" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private static string Printable(string? text) =>
        new((text ?? "").Where(c => !char.IsControl(c)).Take(80).ToArray());
}
