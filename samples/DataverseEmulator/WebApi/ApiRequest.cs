namespace DataverseEmulator.WebApi;

/// <summary>
/// One Web API request, detached from HttpContext so a top-level request and a $batch part run the same code.
/// </summary>
/// <param name="ResourcePath">What follows <c>/api/data/v9.x/</c>, URL-decoded, e.g. <c>contacts(…)</c>.</param>
/// <param name="Query">Query options, decoded; parameter aliases keep their '@'.</param>
/// <param name="ApiBase">Absolute service root for links, e.g. <c>http://127.0.0.1:5000/api/data/v9.2/</c>.</param>
internal sealed record ApiRequest(
    string Method,
    string ResourcePath,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    Uri ApiBase)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
