using System.Text;
using DataverseEmulator.WebApi;
using Microsoft.AspNetCore.WebUtilities;

namespace DataverseEmulator.Batch;

/// <summary>Writes the multipart/mixed answer of a $batch: one application/http part per executed request.</summary>
internal sealed class BatchResponseWriter(string boundary)
{
    private readonly StringBuilder _body = new();

    public string Boundary { get; } = boundary;

    public string ContentType => $"multipart/mixed; boundary={Boundary}";

    public void Add(ApiResponse response, string? contentId)
    {
        _body.Append("--").Append(Boundary).Append("\r\n");
        AppendPart(_body, response, contentId);
    }

    /// <summary>A change set's answers go in a nested multipart part of their own.</summary>
    public void AddChangeSet(IReadOnlyList<(ApiResponse Response, string? ContentId)> responses, string changeSetBoundary)
    {
        _body.Append("--").Append(Boundary).Append("\r\n");
        _body.Append("Content-Type: multipart/mixed; boundary=").Append(changeSetBoundary).Append("\r\n\r\n");
        foreach (var (response, contentId) in responses)
        {
            _body.Append("--").Append(changeSetBoundary).Append("\r\n");
            AppendPart(_body, response, contentId);
        }

        _body.Append("--").Append(changeSetBoundary).Append("--\r\n");
    }

    public string Complete() => _body.Append("--").Append(Boundary).Append("--\r\n").ToString();

    private static void AppendPart(StringBuilder body, ApiResponse response, string? contentId)
    {
        body.Append("Content-Type: application/http\r\n");
        body.Append("Content-Transfer-Encoding: binary\r\n");
        if (contentId is not null)
        {
            body.Append("Content-ID: ").Append(contentId).Append("\r\n");
        }

        body.Append("\r\n");
        body.Append("HTTP/1.1 ").Append(response.StatusCode).Append(' ').Append(ReasonPhrases.GetReasonPhrase(response.StatusCode)).Append("\r\n");
        if (response.Body is not null && !response.Headers.ContainsKey("Content-Type"))
        {
            body.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
        }

        foreach (var (name, value) in response.Headers)
        {
            body.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        body.Append("\r\n");
        if (response.Body is not null)
        {
            body.Append(response.Body).Append("\r\n");
        }
    }
}
