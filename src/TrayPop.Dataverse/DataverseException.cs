using System.Net;

namespace TrayPop.Dataverse;

/// <summary>Dataverse answered with an error (its OData error body), or could not be reached.</summary>
internal sealed class DataverseException : Exception
{
    public DataverseException()
    {
    }

    public DataverseException(string message)
        : base(message)
    {
    }

    public DataverseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DataverseException(HttpStatusCode? statusCode, string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status, or null when no answer came (DNS, TLS, refused, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Dataverse's own error code, e.g. <c>0x80072322</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The answer's <c>Retry-After</c> (429, 503), for callers that wait longer than the client's own retries.</summary>
    public TimeSpan? RetryAfter { get; internal set; }
}
