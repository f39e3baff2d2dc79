using System.Text;
using TrayPop.Intake.Http;

namespace TrayPop.Intake.Tests.Http.Support;

/// <summary>Answers each request with its method, path and decoded body: <c>POST /a [body]</c>, or 413 when it was too large.</summary>
internal sealed class EchoBodyHandler : IHttpHandler
{
    public async Task<HttpResponse> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadBodyAsync(cancellationToken);
        return body.TooLarge
            ? HttpResponse.Empty(HttpStatus.PayloadTooLarge) with { Close = true }
            : new HttpResponse(HttpStatus.Ok, Encoding.Latin1.GetBytes($"{request.Method} {request.Path} [{Encoding.Latin1.GetString(body.Bytes.Span)}]"), "text/plain");
    }
}
