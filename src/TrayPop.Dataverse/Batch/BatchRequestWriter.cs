using System.Text;

namespace TrayPop.Dataverse.Batch;

/// <summary>Writes requests as a <c>$batch</c> multipart body, as the Web API documents it; each request is its own part (no change set).</summary>
internal static class BatchRequestWriter
{
    public static string Write(string boundary, Uri apiRoot, IReadOnlyList<string> relativeUrls) =>
        Write(boundary, apiRoot, relativeUrls.Select(BatchRequest.Get).ToList());

    public static string Write(string boundary, Uri apiRoot, IReadOnlyList<BatchRequest> requests)
    {
        var body = new StringBuilder(512 * requests.Count);
        foreach (var request in requests)
        {
            body.Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append(request.Method.Method).Append(' ').Append(apiRoot.AbsoluteUri).Append(request.RelativeUrl).Append(" HTTP/1.1\r\n")
                .Append("Accept: application/json\r\n");
            if (request.JsonBody is { } json)
            {
                body.Append("Content-Type: application/json\r\n\r\n").Append(json).Append("\r\n");
            }
            else
            {
                body.Append("\r\n");
            }
        }

        return body.Append("--").Append(boundary).Append("--\r\n").ToString();
    }
}
