using System.Text;

namespace TrayPop.Dataverse.Batch;

/// <summary>Writes GET requests as a <c>$batch</c> multipart body, as the Web API documents it.</summary>
internal static class BatchRequestWriter
{
    public static string Write(string boundary, Uri apiRoot, IReadOnlyList<string> relativeUrls)
    {
        var body = new StringBuilder(512 * relativeUrls.Count);
        foreach (var relative in relativeUrls)
        {
            body.Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append("GET ").Append(apiRoot.AbsoluteUri).Append(relative).Append(" HTTP/1.1\r\n")
                .Append("Accept: application/json\r\n\r\n");
        }

        return body.Append("--").Append(boundary).Append("--\r\n").ToString();
    }
}
