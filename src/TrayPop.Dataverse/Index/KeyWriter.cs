using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TrayPop.Dataverse.Batch;

namespace TrayPop.Dataverse.Index;

/// <summary>
/// Writes key rows in <c>$batch</c>es of PATCH (upsert) and DELETE addressed by the row id derived from the key.
/// Not change sets: a change set is all or nothing, so one key already gone would undo a hundred good writes, and
/// every write here is idempotent anyway. A deleted key that is already gone (404) is done; throttled parts (429)
/// are sent again, alone, after their Retry-After; any other failure throws, so the page is read and written again.
/// </summary>
internal sealed class KeyWriter(DataverseClient client, IOptions<IndexOptions> options, TimeProvider time)
{
    private const int MaxThrottledRounds = 20;

    public async Task WriteAsync(IReadOnlyList<KeyWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var chunk in writes.Chunk(options.Value.BatchSize))
        {
            var pending = chunk.ToList();
            for (var round = 0; pending.Count > 0; round++)
            {
                var parts = await client.SendBatchAsync(pending.Select(Request).ToList(), cancellationToken);
                var throttled = new List<KeyWrite>();
                var wait = TimeSpan.Zero;
                for (var i = 0; i < parts.Count; i++)
                {
                    var part = parts[i];
                    if ((int)part.Status is >= 200 and < 300 || (pending[i].Row is null && part.Status == HttpStatusCode.NotFound))
                    {
                        continue;
                    }

                    if (part.Status != HttpStatusCode.TooManyRequests || round >= MaxThrottledRounds)
                    {
                        throw ODataError.ToException(part.Status, part.Body);
                    }

                    throttled.Add(pending[i]);
                    wait = Max(wait, part.RetryAfter ?? TimeSpan.FromSeconds(5));
                }

                if (throttled.Count > 0)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                pending = throttled;
            }
        }
    }

    private static BatchRequest Request(KeyWrite write)
    {
        var url = $"{PhoneKeyTable.EntitySet}({PhoneKeyTable.RowId(write.Key):D})";
        if (write.Row is not { } row)
        {
            return new BatchRequest(HttpMethod.Delete, url);
        }

        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["tp_key"] = row.Key,
            ["tp_number"] = row.Number,
            ["tp_entity"] = row.Entity,
            ["tp_recordid"] = row.RecordId.ToString("D"),
            ["tp_name"] = row.Name,
            ["tp_column"] = row.Column,
        });
        return new BatchRequest(HttpMethod.Patch, url, body);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
