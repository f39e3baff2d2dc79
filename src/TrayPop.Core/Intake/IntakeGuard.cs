using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Intake;

/// <summary>
/// Only the agent's own programs may drive the intake. A request must name a loopback host and our port
/// (a page that rebinds its DNS name to 127.0.0.1 names its own host), and must not come from a web page:
/// browsers mark those with <c>Origin</c> and <c>Sec-Fetch-Site</c>. A top-level navigation the softphone
/// itself opens carries neither (<c>Sec-Fetch-Site: none</c>), so <c>/pop</c> still works.
/// </summary>
internal sealed class IntakeGuard(RequestDelegate next, IOptions<ListenerOptions> options, ILogger<IntakeGuard> logger)
{
    private readonly int _port = options.Value.Port;

    public Task InvokeAsync(HttpContext context)
    {
        var reason = Refusal(context.Request);
        if (reason is null)
        {
            return next(context);
        }

        Log.EventRejected(logger, "http", reason);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(PopReportJson.Error(reason)).AsTask();
    }

    private string? Refusal(HttpRequest request)
    {
        var host = request.Host;
        if (!host.HasValue || !IsLoopbackName(host.Host) || (host.Port ?? 80) != _port)
        {
            return "the Host header must be 127.0.0.1, localhost or [::1] with this listener's port";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null")
        {
            return "requests from web pages are refused";
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase))
        {
            return "requests from web pages are refused";
        }

        return null;
    }

    private static bool IsLoopbackName(string host) =>
        host is "127.0.0.1" or "[::1]" or "::1" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
}
