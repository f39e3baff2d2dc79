namespace TrayPop.Intake.Http;

/// <summary>One parsed request head; the body, if any, is read on demand through the connection it arrived on.</summary>
internal sealed class HttpRequest
{
    private UrlEncodedValues? _query;

    public required string Method { get; init; }

    /// <summary>The decoded path, e.g. <c>/call</c>; empty for the <c>*</c> and CONNECT forms.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query including its <c>?</c>, or empty.</summary>
    public required string QueryString { get; init; }

    public required bool IsHttp11 { get; init; }

    public required HttpHeaders Headers { get; init; }

    /// <summary><c>Content-Length</c> when given; null when the body is chunked or absent.</summary>
    public long? ContentLength { get; init; }

    public bool IsChunked { get; init; }

    /// <summary>Whether the client asked to keep the connection open after this request.</summary>
    public required bool KeepAlive { get; init; }

    public required HttpConnection Connection { get; init; }

    public bool HasBody => IsChunked || ContentLength > 0;

    public string? Host => Headers["Host"];

    public string? ContentType => Headers["Content-Type"];

    public UrlEncodedValues Query => _query ??= UrlEncodedValues.Parse(QueryString);

    /// <summary>Reads the body (at most <see cref="HttpLimits.MaxBodyBytes"/>), answering <c>Expect: 100-continue</c> first.</summary>
    public ValueTask<RequestBody> ReadBodyAsync(CancellationToken cancellationToken) => Connection.ReadBodyAsync(this, cancellationToken);
}
