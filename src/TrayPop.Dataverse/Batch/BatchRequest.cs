namespace TrayPop.Dataverse.Batch;

/// <summary>One request inside a <c>$batch</c>: a query (GET) or a write (PATCH with a JSON body, DELETE).</summary>
internal sealed record BatchRequest(HttpMethod Method, string RelativeUrl, string? JsonBody = null)
{
    public static BatchRequest Get(string relativeUrl) => new(HttpMethod.Get, relativeUrl);
}
