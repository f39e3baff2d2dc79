namespace DataverseEmulator;

/// <summary>One misbehaviour of the emulated service, applied to a Web API request. Immutable.</summary>
public sealed record EmulatorFault
{
    private EmulatorFault(EmulatorFaultKind kind, TimeSpan delay, TimeSpan retryAfter, int statusCode)
    {
        Kind = kind;
        Delay = delay;
        RetryAfter = retryAfter;
        StatusCode = statusCode;
    }

    public EmulatorFaultKind Kind { get; }

    /// <summary>Time to wait before answering (for every kind; the whole fault for <see cref="EmulatorFaultKind.Latency"/>).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Value of the Retry-After header, in whole seconds, for 429 and 503.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>HTTP status answered; 0 for latency and dropped connections.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// When set, the fault hits only this part of a $batch (1-based, counting the requests inside change sets),
    /// answering it in its own part while the other parts run; the batch itself is not faulted.
    /// </summary>
    public int? BatchPart { get; init; }

    /// <summary>
    /// When set, a regular expression (case-insensitive) the URL must match: of a Web API request (its path and
    /// query), or of a $batch part (as written in the part).
    /// </summary>
    public string? UrlPattern { get; init; }

    /// <summary>
    /// For a kept fault: the share of requests it hits (0 &lt; share ≤ 1), spread evenly and the same on every run — with
    /// 0.3, three requests in ten, never two hits in a row. 1 (every request) unless set.
    /// </summary>
    public double Share { get; init; } = 1;

    /// <summary>Whether the fault waits for a particular part or URL instead of hitting the next request.</summary>
    public bool IsTargeted => BatchPart is not null || UrlPattern is not null;

    public static EmulatorFault Latency(TimeSpan delay) => new(EmulatorFaultKind.Latency, delay, TimeSpan.Zero, 0);

    /// <summary>429 Too Many Requests with <c>Retry-After</c>, as Dataverse's service protection limits answer.</summary>
    public static EmulatorFault Throttle(TimeSpan retryAfter) => new(EmulatorFaultKind.Throttle, TimeSpan.Zero, retryAfter, 429);

    public static EmulatorFault ServerError() => Status(500);

    /// <summary>503, optionally with Retry-After.</summary>
    public static EmulatorFault ServiceUnavailable(TimeSpan? retryAfter = null) =>
        new(EmulatorFaultKind.Status, TimeSpan.Zero, retryAfter ?? TimeSpan.Zero, 503);

    /// <summary>Any error status (400–599) with an OData error body.</summary>
    public static EmulatorFault Status(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(EmulatorFaultKind.Status, TimeSpan.Zero, TimeSpan.Zero, statusCode);
    }

    /// <summary>The server aborts the connection (the client sees an IOException / HttpRequestException).</summary>
    public static EmulatorFault DropConnection() => new(EmulatorFaultKind.DropConnection, TimeSpan.Zero, TimeSpan.Zero, 0);

    /// <summary>The same fault, answered only after <paramref name="delay"/>.</summary>
    public EmulatorFault After(TimeSpan delay) => this with { Delay = delay };

    /// <summary>The same fault, for the <paramref name="part"/>-th request (1-based) of the next $batch that has that many.</summary>
    public EmulatorFault InBatchPart(int part)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(part, 1);
        return this with { BatchPart = part };
    }

    /// <summary>The same fault, for the next request or $batch part whose URL matches <paramref name="pattern"/> (a regular expression).</summary>
    public EmulatorFault ForUrl(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return this with { UrlPattern = pattern };
    }

    /// <summary>The same fault, kept for <paramref name="share"/> of the requests (see <see cref="Share"/>).</summary>
    public EmulatorFault ForShare(double share)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1);
        return this with { Share = share };
    }

    /// <summary>Whether this targeted fault hits a request or part at <paramref name="url"/> (part number null for a whole request).</summary>
    internal bool Hits(int? partNumber, string url)
    {
        if (BatchPart is { } part && part != partNumber)
        {
            return false;
        }

        return UrlPattern is null || System.Text.RegularExpressions.Regex.IsMatch(
            url, UrlPattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
