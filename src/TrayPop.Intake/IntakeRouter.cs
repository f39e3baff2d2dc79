using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

using TrayPop.Intake.Http;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake;

/// <summary>
/// The intake's four endpoints behind the guard: <c>GET/POST /call</c>, <c>GET /pop</c>, <c>GET /health</c>. Paths
/// and methods match as ASP.NET Core routing matched them: case-insensitively, a trailing slash allowed; a known
/// path with another method is 405 with <c>Allow</c>, anything else 404.
/// </summary>
internal sealed class IntakeRouter(IntakeGuard guard, HttpIntake intake, HealthReport health, ILogger<IntakeRouter> logger) : IHttpHandler
{
    public async Task<HttpResponse> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (guard.Refuse(request) is { } refusal)
        {
            return refusal;
        }

        try
        {
            return Route(request.Path) switch
            {
                "/call" when Is(request, "GET") => await intake.GetCallAsync(request, cancellationToken),
                "/call" when Is(request, "POST") => await intake.PostCallAsync(request, cancellationToken),
                "/call" => NotAllowed("GET, POST"),
                "/pop" when Is(request, "GET") => await intake.PopAsync(request, cancellationToken),
                "/health" when Is(request, "GET") => await health.AnswerAsync(cancellationToken),
                "/pop" or "/health" => NotAllowed("GET"),
                _ => HttpResponse.Empty(HttpStatus.NotFound),
            };
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or HttpRequestRejectedException or IOException))
        {
            Log.HttpRequestFailed(logger, request.Method, request.Path, ex);
            return HttpResponse.Empty(HttpStatus.InternalServerError);
        }
    }

    private static string? Route(string path)
    {
        var trimmed = path.Length > 1 && path.EndsWith('/') ? path.AsSpan(0, path.Length - 1) : path.AsSpan();
        foreach (var route in (ReadOnlySpan<string>)["/call", "/pop", "/health"])
        {
            if (trimmed.Equals(route, StringComparison.OrdinalIgnoreCase))
            {
                return route;
            }
        }

        return null;
    }

    private static bool Is(HttpRequest request, string method) => request.Method.Equals(method, StringComparison.OrdinalIgnoreCase);

    private static HttpResponse NotAllowed(string allow) => HttpResponse.Empty(HttpStatus.MethodNotAllowed) with { Allow = allow };
}
