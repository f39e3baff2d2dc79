using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;
using TrayPop.Dataverse.Batch;

namespace TrayPop.Dataverse.Lookup;

/// <summary>
/// Finds the records that carry a caller's number: one Dataverse round trip for every configured table
/// (a <c>$batch</c>), candidates found server-side by pattern and by the number's usual renderings, each
/// confirmed here by full-number equality so a number that merely shares digits never opens the wrong customer.
/// A part that failed (throttled, timed out) never discards the parts that answered; a throttled part is asked
/// again alone after its Retry-After when that still fits the pop budget.
/// </summary>
internal sealed class PhoneLookup(
    DataverseClient client,
    CallerIdParser parser,
    StoredNumberMatcher matcher,
    IOptions<LookupOptions> options,
    IOptions<PopOptions> pop,
    TimeProvider time) : ICallerLookup
{
    private readonly LookupOptions _options = options.Value;

    public Task<LookupResult> LookupAsync(string? rawCallerId, CancellationToken cancellationToken) =>
        LookupAsync(parser.Parse(rawCallerId), cancellationToken);

    public async Task<LookupResult> LookupAsync(CallerId callerId, CancellationToken cancellationToken)
    {
        if (callerId.Kind == CallerIdKind.Withheld || callerId.Text.Length == 0)
        {
            return new LookupResult(LookupOutcome.Withheld, callerId, []);
        }

        var entities = _options.EffectiveEntities;
        var queries = LookupQueries.For(entities, callerId, _options.MaxCandidates, parser.Region);
        var queriesPerEntity = queries.Count / entities.Count;
        if (queries.Count == 1)
        {
            return LookupResult.From(callerId, Confirm(entities[0], await client.QueryAsync(queries[0], cancellationToken), callerId));
        }

        var parts = await AskAsync(queries, cancellationToken);
        BatchPart? failure = null;
        for (var i = 0; i < entities.Count; i++)
        {
            var own = parts.Skip(i * queriesPerEntity).Take(queriesPerEntity).ToList();
            var answered = own.Where(p => p.Status == HttpStatusCode.OK).SelectMany(DataverseClient.RowsOf);
            var matches = Confirm(entities[i], answered, callerId);
            if (matches.Count > 0)
            {
                // Records that carry the number are never wrong, even when a part of this or an earlier table failed.
                return LookupResult.From(callerId, matches);
            }

            failure ??= own.FirstOrDefault(p => p.Status != HttpStatusCode.OK);
        }

        // "Nobody has this number" only when every part answered: otherwise an existing customer would get a new-contact form.
        return failure is null ? LookupResult.From(callerId, []) : throw ODataError.ToException(failure.Status, failure.Body);
    }

    /// <summary>The batch's parts; throttled ones asked again (only they) while their Retry-After fits in the pop budget.</summary>
    private async Task<BatchPart[]> AskAsync(List<string> queries, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + pop.Value.Budget;
        var parts = (await client.SendBatchAsync(queries.Select(BatchRequest.Get).ToList(), cancellationToken)).ToArray();
        while (true)
        {
            var throttled = Enumerable.Range(0, parts.Length).Where(i => parts[i].Status == HttpStatusCode.TooManyRequests).ToList();
            var wait = throttled.Count == 0 ? TimeSpan.Zero : throttled.Max(i => parts[i].RetryAfter ?? TimeSpan.FromSeconds(1));
            if (throttled.Count == 0 || time.GetUtcNow() + wait >= deadline)
            {
                return parts;
            }

            await Task.Delay(wait, time, cancellationToken);
            var again = throttled.Select(i => queries[i]).ToList();
            var answers = again.Count == 1
                ? [await AskOneAsync(again[0], cancellationToken)]
                : await client.SendBatchAsync(again.Select(BatchRequest.Get).ToList(), cancellationToken);
            for (var j = 0; j < throttled.Count; j++)
            {
                parts[throttled[j]] = answers[j];
            }
        }
    }

    private async Task<BatchPart> AskOneAsync(string query, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await client.GetDocumentAsync(query, [], cancellationToken);
            return new BatchPart(HttpStatusCode.OK, document.RootElement.GetRawText());
        }
        catch (DataverseException ex) when (ex.StatusCode is { } status)
        {
            var error = new { error = new { code = ex.ErrorCode, message = ex.Message } };
            return new BatchPart(status, JsonSerializer.Serialize(error));
        }
    }

    private List<CrmRecord> Confirm(EntitySearch entity, IEnumerable<JsonElement> rows, CallerId callerId)
    {
        var matches = new List<CrmRecord>();
        foreach (var row in rows)
        {
            // The number as stored too: the CRM's Quick Find finds the record by that text, not by the caller id.
            var stored = entity.PhoneColumns
                .Select(column => row.TryGetProperty(column, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
                .FirstOrDefault(value => value is not null && matcher.IsSameNumber(callerId, value));
            if (stored is not null
                && row.TryGetProperty(entity.KeyColumn, out var id) && id.TryGetGuid(out var guid)
                && !matches.Exists(m => m.Id == guid))
            {
                var name = row.TryGetProperty(entity.NameColumn, out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                matches.Add(new CrmRecord(entity.Name, guid, name, stored));
            }
        }

        return matches;
    }
}
