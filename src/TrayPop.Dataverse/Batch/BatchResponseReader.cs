using System.Globalization;
using System.Net;

namespace TrayPop.Dataverse.Batch;

/// <summary>Splits a <c>$batch</c> answer (<c>multipart/mixed</c>) into the inner responses, in order.</summary>
internal static class BatchResponseReader
{
    public static IReadOnlyList<BatchPart> Read(string boundary, string body)
    {
        var delimiter = "--" + boundary;
        var parts = new List<BatchPart>();
        var position = body.IndexOf(delimiter, StringComparison.Ordinal);
        while (position >= 0)
        {
            var start = position + delimiter.Length;
            if (string.CompareOrdinal(body, start, "--", 0, 2) == 0)
            {
                return parts;
            }

            var next = body.IndexOf(delimiter, start, StringComparison.Ordinal);
            if (next < 0)
            {
                break;
            }

            parts.Add(ReadPart(body.AsSpan(start, next - start)));
            position = next;
        }

        throw new DataverseException("The $batch answer ended without its closing boundary.");
    }

    private static BatchPart ReadPart(ReadOnlySpan<char> part)
    {
        // Part headers, blank line, status line, response headers, blank line, body.
        var afterPartHeaders = SkipPastBlankLine(part);
        var statusLineEnd = afterPartHeaders.IndexOf('\n');
        if (statusLineEnd < 0)
        {
            throw new DataverseException("A $batch part has no status line.");
        }

        var statusLine = afterPartHeaders[..statusLineEnd].Trim();
        var firstSpace = statusLine.IndexOf(' ');
        if (firstSpace < 0 || statusLine.Length < firstSpace + 4
            || !int.TryParse(statusLine.Slice(firstSpace + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new DataverseException($"A $batch part has an unreadable status line '{statusLine}'.");
        }

        var rest = afterPartHeaders[(statusLineEnd + 1)..];
        var body = SkipPastBlankLine(rest);
        var headers = rest[..(rest.Length - body.Length)];
        return new BatchPart((HttpStatusCode)status, body.Trim().ToString(), RetryAfter(headers));
    }

    private static TimeSpan? RetryAfter(ReadOnlySpan<char> headers)
    {
        foreach (var line in headers.EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Retry-After", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }

    private static ReadOnlySpan<char> SkipPastBlankLine(ReadOnlySpan<char> text)
    {
        var crlf = text.IndexOf("\r\n\r\n");
        var lf = text.IndexOf("\n\n");
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            return text[(crlf + 4)..];
        }

        return lf >= 0 ? text[(lf + 2)..] : [];
    }
}
