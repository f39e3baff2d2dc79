using System.Globalization;
using System.Net;
using System.Text;

namespace TrayPop.Dataverse;

/// <summary>
/// Reads a Dataverse answer with a size cap: a body announced larger than the cap is refused before a byte of it is read,
/// and one that grows past it while streaming stops being read there. A CRM (or whatever answers in its place) cannot
/// make TrayPop hold an unbounded answer in memory.
/// </summary>
internal static class ResponseBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } announced && announced > maxBytes)
        {
            throw TooLarge(response, maxBytes, $"announced {announced:N0} bytes");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var initial = (int)Math.Min(maxBytes + 1, response.Content.Headers.ContentLength + 1 ?? 16 * 1024);
        var buffer = new MemoryStream(Math.Max(initial, 1));
        var chunk = new byte[16 * 1024];
        while (true)
        {
            // Never ask for more than one byte beyond the cap: that byte is enough to know the answer is too large.
            var room = (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length);
            var read = await stream.ReadAsync(chunk.AsMemory(0, room), cancellationToken);
            if (read == 0)
            {
                return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw TooLarge(response, maxBytes, "more was still coming");
            }
        }
    }

    public static async Task<string> ReadStringAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(response, maxBytes, cancellationToken);
        return Encoding.UTF8.GetString(bytes.Span);
    }

    private static DataverseException TooLarge(HttpResponseMessage response, long maxBytes, string detail) =>
        new(null, null, string.Create(CultureInfo.InvariantCulture,
            $"Dataverse's answer is larger than {maxBytes:N0} bytes ({detail}), the limit TrayPop:Dataverse:MaxResponseBytes sets; it was not read."));

    /// <summary>A 3xx: Dataverse never redirects the Web API, and following one would carry the caller's number to another host.</summary>
    public static DataverseException Redirected(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        var target = location is null
            ? "no Location"
            : location.IsAbsoluteUri ? location.Authority : (response.RequestMessage?.RequestUri?.Authority ?? "the same host");
        return new DataverseException(response.StatusCode, null,
            $"Dataverse answered {(int)response.StatusCode} {response.StatusCode}: a redirect to {Core.Diagnostics.OutsideText.Escape(target, 256)}, which TrayPop does not follow (check TrayPop:Dataverse:Url).");
    }

    public static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;
}
