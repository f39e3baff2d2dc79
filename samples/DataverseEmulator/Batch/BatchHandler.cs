using DataverseEmulator.Faults;
using DataverseEmulator.Store.Transactions;
using DataverseEmulator.WebApi;
using Microsoft.AspNetCore.WebUtilities;

namespace DataverseEmulator.Batch;

/// <summary>
/// Executes a $batch one part after another, as Dataverse does. Without <c>Prefer: odata.continue-on-error</c> it
/// stops at the first failed request and answers 400 with the parts run so far, the failed one last; with it,
/// every part runs and the batch answers 200, each part carrying its own status. A change set is all or nothing:
/// on a failure its writes are undone and only the failing answer is returned. Faults can hit a single part.
/// </summary>
internal sealed class BatchHandler(ApiDispatcher dispatcher, FaultResponder faults)
{
    public const int MaxRequests = 1000;

    /// <param name="request">The $batch request itself; its ApiBase is the service root the parts resolve against.</param>
    /// <returns>The answer, or null when an injected fault drops the connection.</returns>
    public async Task<ApiResponse?> HandleAsync(ApiRequest request, CancellationToken aborted)
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
        var failed = false;
        for (var i = 0; i < parts.Count && !(failed && !continueOnError); i++)
        {
            if (parts[i].ChangeSet is not { } changeSet)
            {
                var (answer, drop) = await RunAsync(request, parts[i], i + 1, aborted);
                if (drop)
                {
                    return null;
                }

                writer.Add(answer, parts[i].ContentId);
                failed |= answer.StatusCode >= 400;
                continue;
            }

            var end = i;
            while (end + 1 < parts.Count && parts[end + 1].ChangeSet == changeSet)
            {
                end++;
            }

            var (answers, changeSetFailed, dropped) = await RunChangeSetAsync(request, parts, i, end, aborted);
            if (dropped)
            {
                return null;
            }

            writer.AddChangeSet(answers, "changesetresponse_" + Guid.NewGuid().ToString("D"));
            failed |= changeSetFailed;
            i = end;
        }

        // Without continue-on-error a failure is the batch's own error (400), after the parts that ran.
        return ApiResponse.Text(failed && !continueOnError ? 400 : 200, writer.Complete())
            .WithHeader("Content-Type", writer.ContentType)
            .WithHeader("OData-Version", "4.0");
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

    private async Task<(List<(ApiResponse, string?)> Answers, bool Failed, bool Dropped)> RunChangeSetAsync(
        ApiRequest request, IReadOnlyList<BatchPart> parts, int first, int last, CancellationToken aborted)
    {
        using var transaction = StoreTransaction.Begin();
        var answers = new List<(ApiResponse, string?)>();
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var j = first; j <= last; j++)
        {
            var (response, drop) = await RunAsync(request, ContentIdReferences.Resolve(parts[j], created), j + 1, aborted);
            if (drop)
            {
                transaction.Rollback();
                return (answers, true, true);
            }

            if (response.StatusCode >= 400)
            {
                transaction.Rollback();
                return ([(response, parts[j].ContentId)], true, false);
            }

            if (parts[j].ContentId is { } contentId && response.Headers.TryGetValue("OData-EntityId", out var entityId))
            {
                created["$" + contentId] = entityId;
            }

            answers.Add((response, parts[j].ContentId));
        }

        return (answers, false, false);
    }

    private async Task<(ApiResponse Answer, bool Drop)> RunAsync(ApiRequest batch, BatchPart part, int number, CancellationToken aborted)
    {
        var fault = await faults.ApplyToPartAsync(number, part.Method, part.Url, aborted);
        if (fault.Drop)
        {
            return (null!, true);
        }

        return (fault.Answer ?? Execute(batch, part), false);
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
}
