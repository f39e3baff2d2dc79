using System.Text.Json;
using Microsoft.Extensions.Options;
using TrayPop.Dataverse;
using TrayPop.Core.Phones;

using TrayPop.Core.Lookup;

namespace TrayPop.Dataverse.Lookup;

/// <summary>
/// Finds the records that carry a caller's number: one Dataverse round trip for every configured table
/// (a <c>$batch</c>), candidates found server-side by pattern and by the number's usual renderings, each
/// confirmed here by full-number equality so a number that merely shares digits never opens the wrong customer.
/// </summary>
internal sealed class PhoneLookup(DataverseClient client, CallerIdParser parser, StoredNumberMatcher matcher, IOptions<LookupOptions> options) : ICallerLookup
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
        var queries = LookupQueries.For(entities, callerId, _options.MaxCandidates);
        var queriesPerEntity = queries.Count / entities.Count;
        var rows = queries.Count == 1
            ? [await client.QueryAsync(queries[0], cancellationToken)]
            : await client.QueryBatchAsync(queries, cancellationToken);

        for (var i = 0; i < entities.Count; i++)
        {
            var candidates = rows.Skip(i * queriesPerEntity).Take(queriesPerEntity).SelectMany(r => r);
            var matches = Confirm(entities[i], candidates, callerId);
            if (matches.Count > 0)
            {
                return LookupResult.From(callerId, matches);
            }
        }

        return LookupResult.From(callerId, []);
    }

    private List<CrmRecord> Confirm(EntitySearch entity, IEnumerable<JsonElement> rows, CallerId callerId)
    {
        var matches = new List<CrmRecord>();
        foreach (var row in rows)
        {
            var carriesNumber = entity.PhoneColumns.Any(column =>
                row.TryGetProperty(column, out var value)
                && value.ValueKind == JsonValueKind.String
                && matcher.IsSameNumber(callerId, value.GetString()));
            if (carriesNumber
                && row.TryGetProperty(entity.KeyColumn, out var id) && id.TryGetGuid(out var guid)
                && !matches.Exists(m => m.Id == guid))
            {
                var name = row.TryGetProperty(entity.NameColumn, out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                matches.Add(new CrmRecord(entity.Name, guid, name));
            }
        }

        return matches;
    }
}
