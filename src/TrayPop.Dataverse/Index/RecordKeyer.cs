using System.Text.Json;
using Microsoft.Extensions.Options;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;

namespace TrayPop.Dataverse.Index;

/// <summary>
/// The keys of one record: each phone column read with the same number reading agents use, once per region in
/// <see cref="IndexOptions.Regions"/> (a national-format number means a different number in each), none for an inactive record.
/// </summary>
internal sealed class RecordKeyer
{
    private readonly StoredNumberMatcher[] _readers;

    public RecordKeyer(IOptions<IndexOptions> index, IOptions<PhoneOptions> phone)
    {
        var regions = index.Value.Regions.Count > 0 ? index.Value.Regions : [PhoneRegion.Resolve(phone.Value.DefaultRegion)];
        _readers = [.. regions.Select(r => r.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal)
            .Select(region => new StoredNumberMatcher(Options.Create(new PhoneOptions { DefaultRegion = region })))];
    }

    public List<PhoneKeyRow> KeysOf(EntitySearch entity, Guid id, JsonElement row)
    {
        var keys = new List<PhoneKeyRow>();
        if (!row.TryGetProperty("statecode", out var state) || state.ValueKind != JsonValueKind.Number || state.GetInt32() != 0)
        {
            return keys;
        }

        var name = row.TryGetProperty(entity.NameColumn, out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        foreach (var column in entity.PhoneColumns)
        {
            if (!row.TryGetProperty(column, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } stored)
            {
                continue;
            }

            foreach (var reader in _readers)
            {
                if (reader.ReadE164(stored) is { } e164 && !keys.Exists(k => k.Number == e164))
                {
                    keys.Add(new PhoneKeyRow(e164.TrimStart('+'), e164, entity.Name, id, name, column));
                }
            }
        }

        return keys;
    }
}
