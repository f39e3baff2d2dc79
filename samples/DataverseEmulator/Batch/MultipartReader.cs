using Microsoft.Net.Http.Headers;

namespace DataverseEmulator.Batch;

/// <summary>Splits a multipart/mixed body into parts (headers + content). Accepts CRLF or bare LF line ends.</summary>
internal static class MultipartReader
{
    public static string BoundaryOf(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media) ||
            !media.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            throw new BatchFormatException("The batch request must have a Content-Type of multipart/mixed with a boundary.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).ToString();
        if (boundary.Length == 0)
        {
            throw new BatchFormatException("The batch request's Content-Type has no boundary parameter.");
        }

        return boundary;
    }

    public static IReadOnlyList<(Dictionary<string, string> Headers, string Content)> ReadParts(string body, string boundary)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var delimiter = "--" + boundary;
        var close = delimiter + "--";
        var parts = new List<(Dictionary<string, string>, string)>();
        List<string>? current = null;
        var closed = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line == close)
            {
                if (current is not null)
                {
                    parts.Add(ParsePart(current));
                }

                closed = true;
                break;
            }

            if (line == delimiter)
            {
                if (current is not null)
                {
                    parts.Add(ParsePart(current));
                }

                current = [];
                continue;
            }

            // Text before the first delimiter is the preamble, which MIME says to ignore.
            current?.Add(raw);
        }

        if (!closed)
        {
            throw new BatchFormatException($"The batch body does not end with the closing delimiter '{close}'.");
        }

        return parts;
    }

    /// <summary>Reads "Name: value" lines up to the first blank line; returns the index after it.</summary>
    public static int ReadHeaders(IReadOnlyList<string> lines, int start, Dictionary<string, string> headers)
    {
        var i = start;
        for (; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                return i + 1;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new BatchFormatException($"'{line}' is not a valid header line.");
            }

            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return i;
    }

    private static (Dictionary<string, string>, string) ParsePart(List<string> lines)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var contentStart = ReadHeaders(lines, 0, headers);

        // The line break before the next delimiter belongs to the delimiter, not to the content.
        var content = string.Join("\n", lines.Skip(contentStart)).TrimEnd('\r', '\n');
        return (headers, content);
    }
}
