using System.Net;
using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Core.Diagnostics;
using TrayPop.Intake.Http;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake;

/// <summary>
/// The HTTP intake's call endpoints: <c>GET/POST /call</c> and <c>GET /pop</c> (answered with a redirect).
/// The pipeline is taken on the first event (or by <see cref="PopPathWarmup"/> once listening), so the port is
/// open before the Dataverse client is built.
/// </summary>
internal sealed class HttpIntake(Lazy<CallPipeline> pipeline, RefusalLog refusals, TimeProvider time)
{
    public const int MaxBodyBytes = HttpLimits.MaxBodyBytes;

    private static readonly DecodeResult TooLarge = DecodeResult.Fail($"the body is larger than {MaxBodyBytes} bytes");

    public Task<HttpResponse> GetCallAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetTimestamp();
        return HandleAsync(request, CallEventDecoder.FromQuery(request.Query), receivedAt, cancellationToken);
    }

    public async Task<HttpResponse> PostCallAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetTimestamp();
        if (request.ContentLength > MaxBodyBytes)
        {
            return Reject(request, TooLarge.Error!, HttpStatus.PayloadTooLarge);
        }

        // The type is checked before the body is read, so a wrong type is refused without a 100 Continue.
        var isForm = FormContent.IsForm(request.ContentType, out var encoding);
        var isMultipart = MultipartForm.IsMultipart(request.ContentType, out var boundary);
        if (!isForm && !isMultipart && request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return Reject(request, "the body must be JSON (application/json) or a form (application/x-www-form-urlencoded)");
        }

        // A chunked body that grows past the limit is cut off while it is read.
        var body = await request.ReadBodyAsync(cancellationToken);
        if (body.TooLarge)
        {
            return Reject(request, TooLarge.Error!, HttpStatus.PayloadTooLarge);
        }

        var decoded = isForm ? CallEventDecoder.FromForm(UrlEncodedValues.ParseForm(encoding.GetString(body.Bytes.Span)))
            : isMultipart ? FromMultipart(body.Bytes.Span, boundary)
            : CallEventDecoder.FromJson(body.Bytes.Span);
        return await HandleAsync(request, decoded, receivedAt, cancellationToken);
    }

    /// <summary>For softphones that can only open a URL: resolve now, then send the browser to the CRM page (no second launch).</summary>
    public async Task<HttpResponse> PopAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var decoded = CallEventDecoder.FromQuery(request.Query);
        if (decoded.Event is null)
        {
            return Reject(request, decoded.Error!);
        }

        var report = await pipeline.Value.HandleAsync(decoded.Event with { Phase = CallPhase.Now, Channel = CallChannels.PopUrl }, launch: false, cancellationToken: cancellationToken);
        if (Refusal(request, report) is { } refused)
        {
            return refused;
        }

        var target = report.Decision?.Url ?? report.Decision?.Notification?.ClickUrl;
        if (target is not null)
        {
            return HttpResponse.Redirect(target.AbsoluteUri);
        }

        if (report.Decision?.Notification is { Choices.Count: > 0 } chooser)
        {
            // Several records match: the browser the softphone opened shows them, and the agent follows the right one.
            var links = string.Concat(chooser.Choices.Select(c =>
                $"<li><a href=\"{WebUtility.HtmlEncode(c.Url.AbsoluteUri)}\">{WebUtility.HtmlEncode(c.Label)}</a></li>"));
            return HttpResponse.Html($"<!doctype html><title>TrayPop</title><p>{WebUtility.HtmlEncode(chooser.Text)}: choose one.</p><ol>{links}</ol>");
        }

        var why = WebUtility.HtmlEncode(report.Reason ?? "nothing to open for this caller");
        return HttpResponse.Html($"<!doctype html><title>TrayPop</title><p>TrayPop: {why}.</p>");
    }

    private static DecodeResult FromMultipart(ReadOnlySpan<byte> body, string boundary) =>
        MultipartForm.Parse(body, boundary) is { } fields ? CallEventDecoder.FromForm(fields) : DecodeResult.Fail("the multipart/form-data body is malformed");

    private async Task<HttpResponse> HandleAsync(HttpRequest request, DecodeResult decoded, long receivedAt, CancellationToken cancellationToken)
    {
        if (decoded.Event is null)
        {
            return Reject(request, decoded.Error!);
        }

        var report = await pipeline.Value.HandleAsync(decoded.Event with { Channel = CallChannels.Http }, launch: true, receivedAt, cancellationToken);
        return Refusal(request, report) ?? HttpResponse.Json(HttpStatus.Accepted, PopReportJson.Report(report));
    }

    /// <summary>The error answer for an event the pipeline refused (<see cref="PopReportJson.ErrorStatus"/>), or null.</summary>
    private HttpResponse? Refusal(HttpRequest request, PopReport report) =>
        PopReportJson.ErrorStatus(report) is { } status ? Reject(request, report.Reason!, status) : null;

    /// <summary>Logged under the client's process as the platform knows it (<see cref="HttpConnection.Peer"/>), not its port.</summary>
    private HttpResponse Reject(HttpRequest request, string reason, int status = HttpStatus.BadRequest)
    {
        refusals.Refused("http", request.Connection.Peer, reason);
        return HttpResponse.Json(status, PopReportJson.Error(reason));
    }
}
