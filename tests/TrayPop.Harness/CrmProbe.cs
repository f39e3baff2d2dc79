using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using TrayPop.Dataverse.Batch;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;

using TrayPop.Dataverse.Lookup;

namespace TrayPop.Harness;

/// <summary>
/// Talks to the emulator directly: the very $batch TrayPop sends for a caller (to time the CRM's own round trip
/// in the same run), and a naive client that asks one exact-match query per table, one after another.
/// </summary>
internal sealed class CrmProbe(Uri crm) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(crm, "api/data/v9.2/") };

    /// <summary>The round trip of TrayPop's own lookup request for this caller id, sent straight to the CRM.</summary>
    public async Task<double> BatchRoundTripAsync(CallerId callerId)
    {
        var queries = LookupQueries.For(LookupOptions.Defaults, callerId, new LookupOptions().MaxCandidates);
        var boundary = "batch_" + Guid.NewGuid().ToString("N");
        using var content = new StringContent(BatchRequestWriter.Write(boundary, _http.BaseAddress!, queries), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={boundary}");
        var watch = Stopwatch.StartNew();
        using var response = await _http.PostAsync(new Uri("$batch", UriKind.Relative), content);
        _ = await response.Content.ReadAsStringAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// What comparable tools do: the number exactly as presented, one table after another until something matches.
    /// Returns the time, the requests it took and whether it found anything.
    /// </summary>
    public async Task<(double Milliseconds, int Requests, bool Found)> NaiveLookupAsync(string presented)
    {
        var literal = "'" + presented.Replace("'", "''", StringComparison.Ordinal) + "'";
        var watch = Stopwatch.StartNew();
        var requests = 0;
        foreach (var entity in LookupOptions.Defaults)
        {
            var filter = string.Join(" or ", entity.PhoneColumns.Select(column => $"{column} eq {literal}"));
            var url = $"{entity.EntitySet}?$select={entity.KeyColumn}&$filter={Uri.EscapeDataString(filter)}";
            requests++;
            var body = await _http.GetStringAsync(new Uri(url, UriKind.Relative));
            if (body.Contains("\"@odata.etag\"", StringComparison.Ordinal))
            {
                return (watch.Elapsed.TotalMilliseconds, requests, true);
            }
        }

        return (watch.Elapsed.TotalMilliseconds, requests, false);
    }

    public async Task<int> RequestCountAsync()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync(new Uri(new Uri(_http.BaseAddress!, "/"), "_emulator/requests")));
        return document.RootElement.GetProperty("count").GetInt32();
    }

    public void Dispose() => _http.Dispose();
}
