using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Intake;

/// <summary>The HTTP intake: <c>GET/POST /call</c>, <c>GET /pop</c> (answered with a redirect) and <c>GET /health</c>.</summary>
internal static class HttpIntake
{
    public const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapCallIntake(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/call", context =>
        {
            var receivedAt = ReceivedAt(context);
            return HandleAsync(context, CallEventDecoder.FromQuery(context.Request.Query), receivedAt);
        });
        routes.MapPost("/call", PostCallAsync);
        routes.MapGet("/pop", PopAsync);
        routes.MapGet("/health", context => context.RequestServices.GetRequiredService<HealthReport>().WriteAsync(context));
        return routes;
    }

    private static async Task PostCallAsync(HttpContext context)
    {
        var receivedAt = ReceivedAt(context);
        DecodeResult decoded;
        try
        {
            decoded = context.Request.ContentLength > MaxBodyBytes ? TooLarge : await DecodeBodyAsync(context.Request);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body that grows past the limit is cut off by Kestrel while we read it.
            decoded = TooLarge;
        }

        if (ReferenceEquals(decoded.Error, TooLarge.Error))
        {
            await RejectAsync(context, decoded.Error!, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        await HandleAsync(context, decoded, receivedAt);
    }

    private static readonly DecodeResult TooLarge = DecodeResult.Fail($"the body is larger than {MaxBodyBytes} bytes");

    private static async Task<DecodeResult> DecodeBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return CallEventDecoder.FromForm(form);
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return DecodeResult.Fail("the body must be JSON (application/json) or a form (application/x-www-form-urlencoded)");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return CallEventDecoder.FromJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static long ReceivedAt(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>().GetTimestamp();

    private static async Task HandleAsync(HttpContext context, DecodeResult decoded, long receivedAt)
    {
        if (decoded.Event is null)
        {
            await RejectAsync(context, decoded.Error!);
            return;
        }

        var pipeline = context.RequestServices.GetRequiredService<CallPipeline>();
        var report = await pipeline.HandleAsync(decoded.Event, launch: true, receivedAt, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(PopReportJson.Report(report), context.RequestAborted);
    }

    /// <summary>For softphones that can only open a URL: resolve now, then send the browser to the CRM page (no second launch).</summary>
    private static async Task PopAsync(HttpContext context)
    {
        var decoded = CallEventDecoder.FromQuery(context.Request.Query);
        if (decoded.Event is null)
        {
            await RejectAsync(context, decoded.Error!);
            return;
        }

        var pipeline = context.RequestServices.GetRequiredService<CallPipeline>();
        var report = await pipeline.HandleAsync(decoded.Event with { Phase = CallPhase.Now }, launch: false, cancellationToken: context.RequestAborted);
        var target = report.Decision?.Url ?? report.Decision?.Notification?.ClickUrl;
        if (target is not null)
        {
            context.Response.Redirect(target.AbsoluteUri);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var why = WebUtility.HtmlEncode(report.Reason ?? "nothing to open for this caller");
        await context.Response.WriteAsync($"<!doctype html><title>TrayPop</title><p>TrayPop: {why}.</p>", context.RequestAborted);
    }

    private static async Task RejectAsync(HttpContext context, string reason, int status = StatusCodes.Status400BadRequest)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpIntake));
        Log.EventRejected(logger, "http", reason);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(PopReportJson.Error(reason), context.RequestAborted);
    }
}
