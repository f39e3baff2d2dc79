namespace DataverseEmulator.Batch;

/// <summary>Reads the requests of a $batch body, including those inside change sets.</summary>
internal static class BatchRequestParser
{
    public static IReadOnlyList<BatchPart> Parse(string? contentType, string body)
    {
        var requests = new List<BatchPart>();
        foreach (var (headers, content) in MultipartReader.ReadParts(body, MultipartReader.BoundaryOf(contentType)))
        {
            var partType = headers.GetValueOrDefault("Content-Type") ?? string.Empty;
            if (partType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            {
                var changeSet = MultipartReader.BoundaryOf(partType);
                foreach (var (innerHeaders, innerContent) in MultipartReader.ReadParts(content, changeSet))
                {
                    var request = ParseRequest(innerHeaders, innerContent, changeSet);
                    if (request.Method == "GET")
                    {
                        throw new BatchFormatException("GET requests are not allowed inside a change set.");
                    }

                    requests.Add(request);
                }

                continue;
            }

            requests.Add(ParseRequest(headers, content, null));
        }

        return requests;
    }

    private static BatchPart ParseRequest(Dictionary<string, string> partHeaders, string content, string? changeSet)
    {
        var partType = partHeaders.GetValueOrDefault("Content-Type");
        if (partType is null || !partType.StartsWith("application/http", StringComparison.OrdinalIgnoreCase))
        {
            throw new BatchFormatException($"Each batch part must have Content-Type application/http, not '{partType ?? "(none)"}'.");
        }

        var lines = content.Split('\n');
        var first = 0;
        while (first < lines.Length && lines[first].Trim().Length == 0)
        {
            first++;
        }

        // "GET {url} HTTP/1.1"; a URL with unencoded spaces is tolerated, as the version is always the last word.
        var line = first < lines.Length ? lines[first].Trim() : string.Empty;
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        var lastSpace = line.LastIndexOf(' ');
        var hasVersion = lastSpace > firstSpace && line[(lastSpace + 1)..].StartsWith("HTTP/", StringComparison.Ordinal);
        var url = firstSpace < 0 ? string.Empty : (hasVersion ? line[(firstSpace + 1)..lastSpace] : line[(firstSpace + 1)..]).Trim();
        var method = firstSpace < 0 ? line : line[..firstSpace];
        if (url.Length == 0 || !method.All(char.IsAsciiLetter) || (!hasVersion && url.Contains(' ', StringComparison.Ordinal)))
        {
            throw new BatchFormatException($"'{line}' is not a request line such as 'GET contacts HTTP/1.1'.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var bodyStart = MultipartReader.ReadHeaders(lines, first + 1, headers);
        var body = string.Join("\n", lines.Skip(bodyStart)).Trim();
        var contentId = partHeaders.GetValueOrDefault("Content-ID") ?? headers.GetValueOrDefault("Content-ID");
        return new BatchPart(method.ToUpperInvariant(), url, headers, body, contentId, changeSet);
    }
}
