using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TrayPop.Dataverse.Batch;

namespace TrayPop.Dataverse;

/// <summary>
/// The Dataverse Web API over one typed <see cref="HttpClient"/> whose base address is <c>{org}/api/data/v9.2/</c>.
/// Sign-in and resilience live in the client's handlers, not here. Every answer is read with a size cap
/// (<see cref="DataverseOptions.MaxResponseBytes"/>), and a redirect is an error, never followed.
/// </summary>
internal sealed class DataverseClient(HttpClient http, long maxResponseBytes = DataverseOptions.DefaultMaxResponseBytes)
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    /// <summary>Asks who the signed-in user is; the cheapest call that proves URL, sign-in and privileges.</summary>
    public async Task<WhoAmIResponse> WhoAmIAsync(CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync("WhoAmI", cancellationToken);
        var root = document.RootElement;
        return new WhoAmIResponse(
            root.GetProperty("UserId").GetGuid(),
            root.GetProperty("BusinessUnitId").GetGuid(),
            root.GetProperty("OrganizationId").GetGuid());
    }

    /// <summary>Runs one GET query (relative to the API root) and returns its <c>value</c> rows.</summary>
    public async Task<IReadOnlyList<JsonElement>> QueryAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync(relativeUrl, cancellationToken);
        return Rows(document);
    }

    /// <summary>Runs several GET queries in one <c>$batch</c> round trip; the rows of each, in request order. Any failed part throws.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<JsonElement>>> QueryBatchAsync(IReadOnlyList<string> relativeUrls, CancellationToken cancellationToken)
    {
        var parts = await SendBatchAsync(relativeUrls.Select(BatchRequest.Get).ToList(), cancellationToken);
        var failed = parts.FirstOrDefault(p => p.Status != HttpStatusCode.OK);
        return failed is not null ? throw ODataError.ToException(failed.Status, failed.Body) : parts.Select(RowsOf).ToList();
    }

    /// <summary>
    /// Sends requests in one <c>$batch</c> with <c>Prefer: odata.continue-on-error</c>, so each part answers for itself:
    /// a throttled or timed-out part leaves the others' answers intact. The parts, in request order.
    /// </summary>
    public async Task<IReadOnlyList<BatchPart>> SendBatchAsync(IReadOnlyList<BatchRequest> requests, CancellationToken cancellationToken)
    {
        var boundary = "batch_" + Guid.NewGuid().ToString("N");
        var body = BatchRequestWriter.Write(boundary, http.BaseAddress!, requests);
        using var request = new HttpRequestMessage(HttpMethod.Post, "$batch")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={boundary}");
        request.Headers.Accept.Add(Json);
        request.Headers.TryAddWithoutValidation("Prefer", "odata.continue-on-error");

        using var response = await SendAsync(request, cancellationToken);
        var text = await ResponseBody.ReadStringAsync(response, maxResponseBytes, cancellationToken);
        var responseBoundary = response.Content.Headers.ContentType?.Parameters
            .FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"')
            ?? throw new DataverseException(response.StatusCode, null, "The $batch answer is not multipart: it names no boundary.");

        var parts = BatchResponseReader.Read(responseBoundary, text);
        return parts.Count == requests.Count
            ? parts
            : throw new DataverseException($"The $batch answer has {parts.Count} parts for {requests.Count} requests.");
    }

    /// <summary>Runs one GET and returns the whole answer (for <c>@odata.nextLink</c> and <c>@odata.deltaLink</c>); headers such as <c>Prefer</c> go with it.</summary>
    public async Task<JsonDocument> GetDocumentAsync(string relativeOrAbsoluteUrl, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeOrAbsoluteUrl);
        request.Headers.Accept.Add(Json);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await SendAsync(request, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>Sends one write (POST, PATCH, DELETE) with an optional JSON body; throws on an error answer.</summary>
    public async Task SendAsync(HttpMethod method, string relativeUrl, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, relativeUrl);
        request.Headers.Accept.Add(Json);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await SendAsync(request, cancellationToken);
    }

    /// <summary>The rows of one successful part.</summary>
    public static IReadOnlyList<JsonElement> RowsOf(BatchPart part)
    {
        using var document = JsonDocument.Parse(part.Body);
        return Rows(document);
    }

    private async Task<JsonDocument> GetJsonAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
        request.Headers.Accept.Add(Json);
        using var response = await SendAsync(request, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
        request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new DataverseException(ex.StatusCode, null, $"Dataverse could not be reached: {ex.Message}", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            if (ResponseBody.IsRedirect(response.StatusCode))
            {
                throw ResponseBody.Redirected(response);
            }

            // An error body is a short OData message: read no more of it than of any other answer.
            var body = await ResponseBody.ReadStringAsync(response, maxResponseBytes, cancellationToken);
            var error = ODataError.ToException(response.StatusCode, body);
            error.RetryAfter = response.Headers.RetryAfter?.Delta;
            throw error;
        }
    }

    private async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ResponseBody.ReadAsync(response, maxResponseBytes, cancellationToken);
        return JsonDocument.Parse(body);
    }

    private static List<JsonElement> Rows(JsonDocument document)
    {
        if (!document.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new DataverseException("The Dataverse answer has no 'value' array.");
        }

        // Clone so the rows outlive the pooled document.
        return value.EnumerateArray().Select(row => row.Clone()).ToList();
    }
}
