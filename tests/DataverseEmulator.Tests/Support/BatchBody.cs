using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace DataverseEmulator.Tests.Support;

/// <summary>Builds $batch request bodies and reads batch responses the way a client library would, by hand.</summary>
internal static partial class BatchBody
{
    public static HttpContent Create(string boundary, IEnumerable<string> getUrls)
    {
        var body = new StringBuilder();
        foreach (var url in getUrls)
        {
            body.Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append("GET ").Append(url).Append(" HTTP/1.1\r\n")
                .Append("Accept: application/json\r\n\r\n");
        }

        body.Append("--").Append(boundary).Append("--\r\n");
        return Raw(boundary, body.ToString());
    }

    /// <summary>One change set of write requests (method, URL relative to the service root, JSON body or null).</summary>
    public static string ChangeSet(string boundary, IEnumerable<(string Method, string Url, string? Body)> requests, IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = new StringBuilder().Append("--").Append(boundary).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=changeset_").Append(boundary).Append("\r\n\r\n");
        var id = 0;
        foreach (var (method, url, json) in requests)
        {
            body.Append("--changeset_").Append(boundary).Append("\r\n")
                .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n")
                .Append("Content-ID: ").Append(++id).Append("\r\n\r\n")
                .Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n");
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                body.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            body.Append(json is null ? "\r\n" : "Content-Type: application/json\r\n\r\n" + json + "\r\n");
        }

        return body.Append("--changeset_").Append(boundary).Append("--\r\n").Append("--").Append(boundary).Append("--\r\n").ToString();
    }

    /// <summary>Each part of a batch response, flattening change sets, with its status and body.</summary>
    public static IReadOnlyList<(int Status, string Body)> ReadAllParts(string body)
    {
        var parts = new List<(int, string)>();
        var lines = body.Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var status = int.Parse(lines[i].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            while (i + 1 < lines.Length && lines[i + 1].Length > 0)
            {
                i++;
            }

            var content = new StringBuilder();
            while (i + 1 < lines.Length && !lines[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                content.Append(lines[++i]);
            }

            parts.Add((status, content.ToString().Trim()));
        }

        return parts;
    }

    public static HttpContent Raw(string boundary, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={boundary}");
        return content;
    }

    /// <summary>Each part's status code and JSON body, in order.</summary>
    public static IReadOnlyList<(int Status, string Headers, string Body)> ReadParts(string contentType, string body)
    {
        var boundary = BoundaryPattern().Match(contentType).Groups[1].Value;
        var parts = body.Split("--" + boundary);
        Assert.Equal("--\r\n", parts[^1]);
        var result = new List<(int, string, string)>();
        foreach (var part in parts.Skip(1).SkipLast(1))
        {
            var sections = part.Split("\r\n\r\n", 3);
            Assert.Contains("Content-Type: application/http", sections[0], StringComparison.Ordinal);
            Assert.Contains("Content-Transfer-Encoding: binary", sections[0], StringComparison.Ordinal);
            var statusLine = sections[1].Split("\r\n")[0];
            var status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            result.Add((status, sections[1], sections.Length > 2 ? sections[2].TrimEnd('\r', '\n') : string.Empty));
        }

        return result;
    }

    [GeneratedRegex("boundary=\"?([^\";]+)")]
    private static partial Regex BoundaryPattern();
}
