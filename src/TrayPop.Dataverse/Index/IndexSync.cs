using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Lookup;
using TrayPop.Dataverse.Diagnostics;
using TrayPop.Dataverse.Lookup;

namespace TrayPop.Dataverse.Index;

/// <summary>
/// One run of <c>index sync</c>: each lookup table read with change tracking (the whole table the first time,
/// then only what changed), each record's keys computed as agents read numbers, new keys upserted and keys that no
/// longer apply deleted. After every page the writes are done, then the key map, then the link to read next, so a
/// kill at any point resumes with at most one page written twice (harmless: upserts and deletes are idempotent).
/// A refused delta link (expired token) means a full re-read; keys of records it never meets are deleted at its end.
/// </summary>
internal sealed class IndexSync(
    DataverseClient client,
    KeyWriter writer,
    RecordKeyer keyer,
    TableSizes sizes,
    IOptions<LookupOptions> lookup,
    IOptions<IndexOptions> options,
    IOptions<DataverseOptions> dataverse,
    TimeProvider time,
    ILogger<IndexSync> logger)
{
    public IndexStateFile OpenState()
    {
        var state = new IndexStateFile(options.Value.EffectiveStateDirectory, dataverse.Value.OrganisationUri);
        state.Load();
        return state;
    }

    public async Task RunOnceAsync(SyncProgress? progress, CancellationToken cancellationToken)
    {
        var state = OpenState();
        foreach (var entity in lookup.Value.EffectiveEntities)
        {
            while (!await SyncTableAsync(entity, state, progress, cancellationToken))
            {
                // A refused link: the table starts over with a full read.
            }
        }

        // Every table has been read whole at least once: agents on Auto may now trust the index.
        var now = time.GetUtcNow();
        var ready = new PhoneKeyRow("0", "", "traypop", Guid.Empty, now.ToString("O", CultureInfo.InvariantCulture), "ready");
        await writer.WriteAsync([KeyWrite.Upsert(ready)], cancellationToken);
    }

    /// <returns>False when the table must be read again from the start (its link was refused).</returns>
    private async Task<bool> SyncTableAsync(EntitySearch entity, IndexStateFile state, SyncProgress? progress, CancellationToken cancellationToken)
    {
        var table = state.For(entity.Name);
        var start = $"{entity.EntitySet}?$select={LookupQueryBuilder.Select(entity)},statecode";
        if (table.DeltaLink is null && !table.Backfilling)
        {
            StartBackfill(entity, table, state);
        }

        using var map = KeyMap.Open(state.MapPath(entity.Name));
        using var previous = table.Backfilling && File.Exists(state.PreviousMapPath(entity.Name)) ? KeyMap.Open(state.PreviousMapPath(entity.Name)) : null;
        long? total = null;
        if (table.Backfilling && progress is not null)
        {
            total = await CountAsync(entity, cancellationToken);
            progress.Start(table.BackfillRows);
        }

        long rows = 0, upserts = 0, deletes = 0;
        var url = table.NextLink ?? (table.Backfilling ? start : table.DeltaLink!);
        var headers = new[] { KeyValuePair.Create("Prefer", $"odata.track-changes,odata.maxpagesize={options.Value.PageSize}") };
        while (url is not null)
        {
            JsonDocument page;
            try
            {
                page = await client.GetDocumentAsync(url, headers, cancellationToken);
            }
            catch (DataverseException ex) when (IsRefusedLink(ex) && url != start)
            {
                // An expired delta token or paging link: read everything again rather than trust a partial picture.
                Log.DeltaExpired(logger, entity.Name, ex.Message);
                table.DeltaLink = null;
                table.NextLink = null;
                state.Save();
                return false;
            }

            using (page)
            {
                var (writes, changes) = Plan(entity, page.RootElement.GetProperty("value"), map, previous);
                await writer.WriteAsync(writes, cancellationToken);
                map.Record(changes);
                rows += changes.Count;
                upserts += writes.Count(w => w.Row is not null);
                deletes += writes.Count(w => w.Row is null);

                url = page.RootElement.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
                table.NextLink = url;
                if (url is null)
                {
                    table.DeltaLink = page.RootElement.GetProperty("@odata.deltaLink").GetString();
                }

                if (table.Backfilling)
                {
                    table.BackfillRows += changes.Count;
                    progress?.Report(entity.Name, table.BackfillRows, total);
                }

                state.Save();
            }
        }

        if (table.Backfilling)
        {
            deletes += await ForgetUnseenAsync(entity, map, previous, cancellationToken);
            progress?.Report(entity.Name, table.BackfillRows, total, final: true);
            previous?.Dispose();
            File.Delete(state.PreviousMapPath(entity.Name));
            table.Backfilling = false;
        }

        table.LastSync = time.GetUtcNow();
        table.Keys = map.Count;
        state.Save();
        Log.IndexSynced(logger, entity.Name, rows, upserts, deletes);
        return true;
    }

    /// <summary>The map becomes "previous" (if no earlier backfill left one); a fresh map fills as the table is read.</summary>
    private static void StartBackfill(EntitySearch entity, TableSyncState table, IndexStateFile state)
    {
        var map = state.MapPath(entity.Name);
        var previous = state.PreviousMapPath(entity.Name);
        if (File.Exists(map) && !File.Exists(previous))
        {
            File.Move(map, previous);
        }

        table.Backfilling = true;
        table.NextLink = null;
        table.BackfillRows = 0;
        state.Save();
    }

    private (List<KeyWrite> Writes, List<(Guid, string[])> Changes) Plan(EntitySearch entity, JsonElement rows, KeyMap map, KeyMap? previous)
    {
        var writes = new List<KeyWrite>();
        var changes = new List<(Guid, string[])>();
        foreach (var row in rows.EnumerateArray())
        {
            var deleted = row.TryGetProperty("@odata.context", out var context) && context.GetString()?.EndsWith("$deletedEntity", StringComparison.Ordinal) == true;
            if (!(deleted ? row.TryGetProperty("id", out var idValue) : row.TryGetProperty(entity.KeyColumn, out idValue)) || !idValue.TryGetGuid(out var id))
            {
                continue;
            }

            var keys = deleted ? [] : keyer.KeysOf(entity, id, row);
            var digits = keys.Select(k => k.Digits).ToArray();
            var held = map.Find(id) ?? previous?.Find(id) ?? [];
            writes.AddRange(held.Except(digits, StringComparer.Ordinal).Select(d => KeyWrite.Delete(PhoneKeyTable.Key(d, entity.Name, id))));
            writes.AddRange(keys.Select(KeyWrite.Upsert));
            changes.Add((id, digits));
        }

        return (writes, changes);
    }

    /// <summary>Records the previous map knew and this full read never met were deleted meanwhile: their keys go.</summary>
    private async Task<long> ForgetUnseenAsync(EntitySearch entity, KeyMap map, KeyMap? previous, CancellationToken cancellationToken)
    {
        if (previous is null)
        {
            return 0;
        }

        var gone = previous.Records.Where(id => map.Find(id) is null)
            .SelectMany(id => previous.Find(id)!.Select(d => KeyWrite.Delete(PhoneKeyTable.Key(d, entity.Name, id))))
            .ToList();
        await writer.WriteAsync(gone, cancellationToken);
        return gone.Count;
    }

    private async Task<long?> CountAsync(EntitySearch entity, CancellationToken cancellationToken)
    {
        try
        {
            return (await sizes.CountAsync([entity], cancellationToken)).GetValueOrDefault(entity.Name);
        }
        catch (DataverseException)
        {
            // Progress without an ETA is still progress.
            return null;
        }
    }

    private static bool IsRefusedLink(DataverseException ex) =>
        ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.PreconditionFailed;
}
