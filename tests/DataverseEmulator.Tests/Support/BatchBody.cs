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
