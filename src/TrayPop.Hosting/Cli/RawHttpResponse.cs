using System.Globalization;
using System.Text;

namespace TrayPop.Hosting.Cli;

/// <summary>
/// The answer to a <see cref="RawHttpRequest"/>: the status code and the body as text. Reads the framings an HTTP/1.1
/// server may choose (<c>Content-Length</c>, chunked, or until the connection closes) and skips interim 1xx answers.
/// </summary>
internal sealed record RawHttpResponse(int StatusCode, string Body)
{
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    private static ReadOnlySpan<byte> LineEnd => "\r\n"u8;

    /// <summary>
    /// The response in <paramref name="received"/>, or null while more is to come. <paramref name="ended"/> says the
    /// server closed the connection: then what is there is all there is. Throws <see cref="InvalidDataException"/> for
    /// what is not an HTTP/1.1 response.
    /// </summary>
    public static RawHttpResponse? TryParse(ReadOnlySpan<byte> received, bool ended)
    {
        while (true)
        {
            var headerEnd = received.IndexOf(HeaderEnd);
            if (headerEnd < 0)
            {
                return ended ? throw Invalid("the connection closed before the response headers ended") : null;
            }

            var head = Encoding.ASCII.GetString(received[..headerEnd]);
            var body = received[(headerEnd + HeaderEnd.Length)..];
            var lines = head.Split("\r\n");
            var status = ParseStatusLine(lines[0]);
            long? length = null;
            var chunked = false;
            foreach (var line in lines.AsSpan(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw Invalid($"a header line without a name: '{line}'");
                }

                var name = line.AsSpan(0, colon).Trim();
                var value = line.AsSpan(colon + 1).Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    length = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw Invalid($"Content-Length '{value}'");
                }
                else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    chunked = value.EndsWith("chunked", StringComparison.OrdinalIgnoreCase);
                }
            }

            if (status is >= 100 and < 200)
            {
                // An interim answer (100 Continue, 103 Early Hints) has no body; the real one follows.
                received = body;
                continue;
            }

            if (status is 204 or 304)
            {
                return new(status, "");
            }

            if (chunked)
            {
                return Dechunk(body, ended) is { } content ? new(status, Text(content)) : null;
            }

            if (length is { } expected)
            {
                if (body.Length < expected)
                {
                    return ended ? throw Invalid($"the connection closed after {body.Length} of {expected} body bytes") : null;
                }

                return new(status, Text(body[..(int)expected]));
            }

            return ended ? new(status, Text(body)) : null;
        }
    }

    private static int ParseStatusLine(string statusLine)
    {
        // HTTP/1.1 202 Accepted
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || parts[1].Length != 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status < 100)
        {
            throw Invalid($"status line '{statusLine}'");
        }

        return status;
    }

    /// <summary>The content of a chunked body, or null while its last chunk has not arrived.</summary>
    private static byte[]? Dechunk(ReadOnlySpan<byte> body, bool ended)
    {
        var content = new List<byte>();
        while (true)
        {
            var sizeEnd = body.IndexOf(LineEnd);
            if (sizeEnd < 0)
            {
                return ended ? throw Invalid("the connection closed inside a chunked body") : null;
            }

            // The size in hex, maybe followed by ;extensions.
            var sizeText = Encoding.ASCII.GetString(body[..sizeEnd]).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw Invalid($"chunk size '{sizeText}'");
            }

            body = body[(sizeEnd + LineEnd.Length)..];
            if (size == 0)
            {
                // Trailer fields, if any, end with an empty line; the content is complete either way.
                return [.. content];
            }

            if (body.Length < size + LineEnd.Length)
            {
                return ended ? throw Invalid("the connection closed inside a chunk") : null;
            }

            content.AddRange(body[..size]);
            body = body[(size + LineEnd.Length)..];
        }
    }

    /// <summary>The body as HttpClient reads it: UTF-8, without a byte order mark.</summary>
    private static string Text(ReadOnlySpan<byte> body) =>
        Encoding.UTF8.GetString(body.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body);

    private static InvalidDataException Invalid(string what) => new($"TrayPop's answer is not a valid HTTP/1.1 response: {what}.");
}
