using System.Text;

namespace TrayPop.Intake.Http;

/// <summary>
/// The text fields of a <c>multipart/form-data</c> body (what <c>curl -F number=…</c> sends), which ASP.NET Core's
/// form reader accepted on <c>POST /call</c>. File parts and parts that are not form-data are skipped.
/// </summary>
internal static class MultipartForm
{
    // RFC 2046 §5.1.1 caps a boundary at 70 characters.
    private const int MaxBoundaryLength = 70;

    public static bool IsMultipart(string? contentType, out string boundary)
    {
        boundary = "";
        if (contentType is null || !MediaType(contentType).Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        boundary = Parameter(contentType, "boundary") ?? "";
        return true;
    }

    /// <summary>The fields of <paramref name="body"/>, or null when it is not a well-formed multipart body with that boundary.</summary>
    public static UrlEncodedValues? Parse(ReadOnlySpan<byte> body, string boundary)
    {
        if (boundary.Length is 0 or > MaxBoundaryLength)
        {
            return null;
        }

        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var next = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        var first = body.IndexOf(delimiter);
        if (first < 0)
        {
            return null;
        }

        var fields = new List<KeyValuePair<string, string>>();
        var rest = body[(first + delimiter.Length)..];
        while (!rest.StartsWith("--"u8))
        {
            // The rest of the delimiter line, then the part's header fields up to an empty line.
            var lineEnd = rest.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return null;
            }

            rest = rest[(lineEnd + 2)..];
            var headEnd = rest.StartsWith("\r\n"u8) ? 0 : rest.IndexOf("\r\n\r\n"u8);
            if (headEnd < 0)
            {
                return null;
            }

            var head = Encoding.UTF8.GetString(rest[..headEnd]);
            rest = rest[(headEnd + (headEnd == 0 ? 2 : 4))..];
            var end = rest.IndexOf(next);
            if (end < 0)
            {
                return null;
            }

            if (FieldName(head) is { } name)
            {
                fields.Add(new(name, Encoding.UTF8.GetString(rest[..end])));
            }

            rest = rest[(end + next.Length)..];
        }

        return new UrlEncodedValues(fields);
    }

    /// <summary>The name of a <c>form-data</c> part that is not a file; null for any other part.</summary>
    private static string? FieldName(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                var disposition = line[(colon + 1)..];
                return MediaType(disposition).Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    && Parameter(disposition, "filename") is null && Parameter(disposition, "filename*") is null
                    ? Parameter(disposition, "name")
                    : null;
            }
        }

        return null;
    }

    private static string MediaType(string value)
    {
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? value : value[..semicolon]).Trim();
    }

    /// <summary>A <c>; key=value</c> parameter of a header value, quotes removed.</summary>
    private static string? Parameter(string value, string key)
    {
        foreach (var part in value.Split(';').Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part.AsSpan(0, equals).Trim().Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                var text = part[(equals + 1)..].Trim();
                return text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : text;
            }
        }

        return null;
    }
}
