using System.Text.Json;
using Microsoft.Extensions.Options;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Dataverse.Index;

namespace TrayPop.Dataverse.Lookup;

/// <summary>
/// Finds callers through the phone-key index: one GET, an index seek on <c>tp_key</c>. Each candidate's stored
/// number is confirmed here exactly as the pattern strategy confirms its rows, so a key the index holds for a
/// changed number never opens the wrong record; tables keep their configured precedence. The indexer keys active
/// records only. Caller ids that are not numbers have no key: they are never found here.
/// </summary>
internal sealed class KeyLookup(DataverseClient client, StoredNumberMatcher matcher, IOptions<LookupOptions> options) : ICallerLookup
{
    // A key per record and number: far more than a switchboard shares, far fewer than a page.
    private const int MaxKeys = 500;

    private readonly LookupOptions _options = options.Value;

    public async Task<LookupResult> LookupAsync(CallerId callerId, CancellationToken cancellationToken)
    {
        if (callerId.Kind == CallerIdKind.Withheld || callerId.Text.Length == 0)
        {
            return new LookupResult(LookupOutcome.Withheld, callerId, []);
        }

        if (callerId.Kind != CallerIdKind.Number || callerId.E164 is null)
        {
            return LookupResult.From(callerId, []);
        }

        var rows = await client.QueryAsync(PhoneKeyTable.LookupQuery(callerId.E164.TrimStart('+'), MaxKeys), cancellationToken);
        foreach (var entity in _options.EffectiveEntities)
        {
            var matches = new List<CrmRecord>();
            foreach (var row in rows)
            {
                if (Text(row, "tp_entity") == entity.Name
                    && matcher.IsSameNumber(callerId, Text(row, "tp_number"))
                    && Guid.TryParse(Text(row, "tp_recordid"), out var id)
                    && !matches.Exists(m => m.Id == id))
                {
                    matches.Add(new CrmRecord(entity.Name, id, Text(row, "tp_name") ?? ""));
                }
            }

            if (matches.Count > 0)
            {
                return LookupResult.From(callerId, matches);
            }
        }

        return LookupResult.From(callerId, []);
    }

    private static string? Text(JsonElement row, string column) =>
        row.TryGetProperty(column, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
