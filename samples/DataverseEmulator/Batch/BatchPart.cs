namespace DataverseEmulator.Batch;

/// <summary>One request inside a $batch, as written in its application/http part.</summary>
internal sealed record BatchPart(
    string Method,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? ContentId,
    string? ChangeSet);
