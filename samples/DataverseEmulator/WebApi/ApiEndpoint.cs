using DataverseEmulator.Auth;
using DataverseEmulator.Batch;
using DataverseEmulator.Diagnostics;
using DataverseEmulator.Faults;
using DataverseEmulator.Stats;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DataverseEmulator.WebApi;

/// <summary>
/// Everything under <c>/api/data/</c>: count the request, act out any fault, check the token, then answer.
/// Faults come before the token check because a throttled or failing service answers before it authenticates.
/// </summary>
internal sealed class ApiEndpoint(
    ApiDispatcher dispatcher,
    BatchHandler batch,
    FaultResponder faults,
    EmulatorAuth auth,
    RequestLog log,
    QueryStats stats,
    EmulatorSettings settings,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw.StartsWith('/')
            ? raw
            : $"{request.PathBase}{request.Path}{request.QueryString}";
        log.Record(request.Method, target);
        stats.AddRequest();

        if (await faults.TryApplyAsync(context, target))
        {
            return;
        }

        var organizationRoot = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var check = auth.Check(request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null);
        if (check != TokenCheck.Accepted)
        {
            Log.TokenRefused(logger, request.Method, target, check.ToString().ToLowerInvariant());
            await ApiResponseWriter.WriteAsync(context, BearerChallenge.For(check, organizationRoot, settings.TenantId));
            return;
        }

        var version = context.Request.RouteValues["version"]?.ToString() ?? string.Empty;
        if (!ApiVersions.IsSupported(version))
        {
            await ApiResponseWriter.WriteAsync(context, ODataErrors.SegmentNotFound(version));
            return;
        }

        var apiRequest = await ReadAsync(context, new Uri(organizationRoot, $"api/data/{version}/"));
        var response = apiRequest.ResourcePath == "$batch"
            ? request.Method == "POST" ? await batch.HandleAsync(apiRequest, context.RequestAborted) : ODataErrors.MethodNotAllowed(request.Method).WithHeader("Allow", "POST")
            : dispatcher.Dispatch(apiRequest);
        if (response is null)
        {
            // A fault in one of the batch's parts drops the whole connection.
            context.Abort();
            return;
        }

        Log.Answered(logger, request.Method, target, response.StatusCode);
        await ApiResponseWriter.WriteAsync(context, response);
    }

    private static async Task<ApiRequest> ReadAsync(HttpContext context, Uri apiBase)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var resource = context.Request.RouteValues["rest"]?.ToString() ?? string.Empty;
        return new ApiRequest(request.Method, resource, query, headers, body, apiBase);
    }
}
