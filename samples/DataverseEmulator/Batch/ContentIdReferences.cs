namespace DataverseEmulator.Batch;

/// <summary>
/// Inside a change set, <c>$1</c> names the record created by the part with <c>Content-ID: 1</c>: as the
/// start of a URL (<c>$1/…</c>) or as an <c>@odata.bind</c> value (<c>"$1"</c>).
/// </summary>
internal static class ContentIdReferences
{
    public static BatchPart Resolve(BatchPart part, IReadOnlyDictionary<string, string> created)
    {
        if (created.Count == 0)
        {
            return part;
        }

        var url = part.Url;
        var body = part.Body;
        foreach (var (reference, entityId) in created)
        {
            if (url == reference || url.StartsWith(reference + "/", StringComparison.Ordinal))
            {
                url = entityId + url[reference.Length..];
            }

            body = body.Replace($"\"{reference}\"", $"\"{entityId}\"", StringComparison.Ordinal);
        }

        return part with { Url = url, Body = body };
    }
}
