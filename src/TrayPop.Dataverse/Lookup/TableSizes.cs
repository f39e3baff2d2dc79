using System.Globalization;
using System.Text.Json;
using TrayPop.Core.Lookup;

namespace TrayPop.Dataverse.Lookup;

/// <summary>
/// Row counts of the lookup tables, for <c>check</c> to warn that a pattern search (a table scan) will time out.
/// <c>RetrieveTotalRecordCount</c> answers from Dataverse's cached snapshot, so asking costs no scan; where it is
/// not offered (older servers, the emulator) <c>/$count</c> answers, which Dataverse caps at 5000.
/// </summary>
internal sealed class TableSizes(DataverseClient client)
{
    /// <summary>Rows past which Microsoft's leading-wildcard queries time out in practice (and the emulator's default scan limit).</summary>
    public const long ScanLimit = 50_000;

    public async Task<IReadOnlyDictionary<string, long>> CountAsync(IReadOnlyList<EntitySearch> entities, CancellationToken cancellationToken)
    {
        var names = JsonSerializer.Serialize(entities.Select(e => e.Name).ToArray());
        try
        {
            using var document = await client.GetDocumentAsync($"RetrieveTotalRecordCount(EntityNames=@p)?@p={Uri.EscapeDataString(names)}", [], cancellationToken);
            var counts = document.RootElement.GetProperty("EntityRecordCountCollection");
            var keys = counts.GetProperty("Keys").EnumerateArray().Select(k => k.GetString()!).ToList();
            var values = counts.GetProperty("Values").EnumerateArray().Select(v => v.GetInt64()).ToList();
            return keys.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is DataverseException or KeyNotFoundException or InvalidOperationException)
        {
            var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var entity in entities)
            {
                using var document = await client.GetDocumentAsync($"{entity.EntitySet}/$count", [], cancellationToken);
                sizes[entity.Name] = document.RootElement.ValueKind == JsonValueKind.Number
                    ? document.RootElement.GetInt64()
                    : long.Parse(document.RootElement.GetRawText(), CultureInfo.InvariantCulture);
            }

            return sizes;
        }
    }
}
