using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrayPop.Core.Lookup;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Index;
using TrayPop.Dataverse.Lookup;

namespace TrayPop.Hosting.Cli;

/// <summary>What <c>index status</c> reports: the key table and its key in Dataverse, the last sync, and this machine's sync state.</summary>
internal sealed record IndexStatus(string Table, string? KeyIndex, long? Rows, DateTimeOffset? LastSync, double? LagSeconds, bool Ready, IReadOnlyDictionary<string, TableSyncState> Tables)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<IndexStatus> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var client = services.GetRequiredService<DataverseClient>();
        var time = services.GetRequiredService<TimeProvider>();
        var keyIndex = await services.GetRequiredService<IndexSetup>().KeyStatusAsync(cancellationToken);
        string table;
        long? rows = null;
        DateTimeOffset? lastSync = null;
        try
        {
            var ready = await client.QueryAsync(PhoneKeyTable.ReadyQuery(), cancellationToken);
            table = "exists";
            if (ready.Count > 0 && ready[0].TryGetProperty("tp_name", out var at)
                && DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when))
            {
                lastSync = when;
            }

            var keyTable = new EntitySearch { Name = PhoneKeyTable.LogicalName, SetName = PhoneKeyTable.EntitySet, PhoneColumns = ["tp_number"] };
            rows = (await services.GetRequiredService<TableSizes>().CountAsync([keyTable], cancellationToken)).GetValueOrDefault(PhoneKeyTable.LogicalName);
        }
        catch (DataverseException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            table = "missing (run `traypop index setup`)";
        }

        var state = services.GetRequiredService<IndexSync>().OpenState();
        var lag = lastSync is { } last ? (time.GetUtcNow() - last).TotalSeconds : (double?)null;
        return new IndexStatus(table, keyIndex, rows, lastSync, lag, lastSync is not null, state.Tables);
    }

    public string ToText()
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Table tp_phonekey: {Table}")
            .AppendLine(CultureInfo.InvariantCulture, $"Alternate key:     {KeyIndex ?? "none"}")
            .AppendLine(CultureInfo.InvariantCulture, $"Key rows:          {(Rows is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "unknown")}")
            .AppendLine(CultureInfo.InvariantCulture, $"Last full sync:    {(LastSync is { } l ? $"{l:u} ({LagSeconds:N0} s ago)" : "never: agents on Auto use the pattern search")}");
        foreach (var (entity, table) in Tables)
        {
            var where = table.Backfilling ? $"backfill in progress, {table.BackfillRows:N0} rows read" : table.DeltaLink is null ? "not read yet" : "tracking changes";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {entity}: {where}; {table.Keys:N0} records keyed; last run {(table.LastSync is { } s ? s.ToString("u", CultureInfo.InvariantCulture) : "never")}");
        }

        return text.ToString().TrimEnd();
    }
}
