using DataverseEmulator.Store;
using DataverseEmulator.WebApi;
using Microsoft.AspNetCore.WebUtilities;

namespace DataverseEmulator.Batch;

/// <summary>
/// Executes a $batch in order. Like Dataverse, it stops at the first failed request unless the batch was sent
/// with <c>Prefer: odata.continue-on-error</c>; the failed request's own status and error are in its part.
/// </summary>
internal sealed class BatchHandler(ApiDispatcher dispatcher, EntityStore store)
{
    public const int MaxRequests = 1000;

    /// <param name="request">The $batch request itself; its ApiBase is the service root the parts resolve against.</param>
    public ApiResponse Handle(ApiRequest request)
    {
        IReadOnlyList<BatchPart> parts;
        try
        {
            parts = BatchRequestParser.Parse(request.Header("Content-Type"), request.Body);
        }
        catch (BatchFormatException ex)
        {
            return ApiResponse.Error(400, ErrorCodes.BatchMalformed, ex.Message);
        }

        if (parts.Count > MaxRequests)
        {
            return ApiResponse.Error(400, ErrorCodes.BatchTooLarge, $"The number of requests in the batch ({parts.Count}) exceeds the limit of {MaxRequests}.");
        }

        var continueOnError = PreferHeader.Parse(request.Header("Prefer")).ContinueOnError;
        var writer = new BatchResponseWriter("batchresponse_" + Guid.NewGuid().ToString("D"));
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part.ChangeSet is { } changeSet)
            {
                // A change set is all or nothing: on failure its writes are undone and only the failing answer is returned.
                var checkpoint = store.Capture();
                var end = i;
                while (end + 1 < parts.Count && parts[end + 1].ChangeSet == changeSet)
                {
                    end++;
                }

                var answers = new List<(ApiResponse, string?)>();
                var created = new Dictionary<string, string>(StringComparer.Ordinal);
                var failed = false;
                for (var j = i; j <= end; j++)
                {
                    var response = Execute(request, ContentIdReferences.Resolve(parts[j], created));
                    if (parts[j].ContentId is { } contentId && response.Headers.TryGetValue("OData-EntityId", out var entityId))
                    {
                        created["$" + contentId] = entityId;
                    }

                    if (response.StatusCode >= 400)
                    {
                        EntityStore.Restore(checkpoint);
                        answers = [(response, parts[j].ContentId)];
                        failed = true;
                        break;
                    }

                    answers.Add((response, parts[j].ContentId));
                }

                writer.AddChangeSet(answers, "changesetresponse_" + Guid.NewGuid().ToString("D"));
                i = end;
                if (failed && !continueOnError)
                {
                    break;
                }

                continue;
            }

            var answer = Execute(request, part);
            writer.Add(answer, part.ContentId);
            if (answer.StatusCode >= 400 && !continueOnError)
            {
                break;
            }
        }

        return ApiResponse.Text(200, writer.Complete())
            .WithHeader("Content-Type", writer.ContentType)
            .WithHeader("OData-Version", "4.0");
    }

    private ApiResponse Execute(ApiRequest batch, BatchPart part)
    {
        if (!TryResolve(batch.ApiBase, part.Url, out var resourcePath, out var query))
        {
            return ODataErrors.BadQuery($"The URL '{part.Url}' in the batch is not under the service root '{batch.ApiBase}'.");
        }

        var headers = new Dictionary<string, string>(part.Headers, StringComparer.OrdinalIgnoreCase);
        var inner = new ApiRequest(part.Method, resourcePath, query, headers, part.Body, batch.ApiBase);
        return dispatcher.Dispatch(inner);
    }

    /// <summary>Accepts absolute URLs, root-relative paths (/api/data/v9.2/contacts) and paths relative to the service root.</summary>
    internal static bool TryResolve(Uri apiBase, string url, out string resourcePath, out IReadOnlyDictionary<string, string> query)
    {
        var target = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute
            : new Uri(apiBase, url);
        resourcePath = string.Empty;
        query = new Dictionary<string, string>();

        // Any supported version is fine inside the batch; compare the path without it.
        var basePath = apiBase.AbsolutePath;
        var versionStart = basePath.TrimEnd('/').LastIndexOf('/') + 1;
        var prefix = basePath[..versionStart];
        var path = target.AbsolutePath;
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var afterPrefix = path[prefix.Length..];
        var slash = afterPrefix.IndexOf('/', StringComparison.Ordinal);
        var version = slash < 0 ? afterPrefix : afterPrefix[..slash];
        if (!ApiVersions.IsSupported(version))
        {
            return false;
        }

        resourcePath = Uri.UnescapeDataString(slash < 0 ? string.Empty : afterPrefix[(slash + 1)..]);
        query = QueryHelpers.ParseQuery(target.Query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        return true;
    }
}
