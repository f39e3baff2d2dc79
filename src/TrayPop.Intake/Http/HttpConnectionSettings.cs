namespace TrayPop.Intake.Http;

/// <summary>What the server tells each <see cref="HttpConnection"/> beyond the fixed <see cref="HttpLimits"/>.</summary>
internal sealed record HttpConnectionSettings
{
    /// <summary>How long a connection may wait for its (next) request.</summary>
    public TimeSpan IdleTimeout { get; init; } = HttpLimits.IdleTimeout;

    /// <summary>How long one answer may take to be sent: a client that pipelines and never reads is closed.</summary>
    public TimeSpan WriteTimeout { get; init; } = HttpLimits.WriteTimeout;

    /// <summary>How refusals name the client: what the platform knows of its process (e.g. its user), never its port.</summary>
    public string Peer { get; init; } = "a local process";

    /// <summary>Told true while the connection waits for a request with nothing of it arrived, false once bytes come.</summary>
    public Action<bool>? IdleChanged { get; init; }

    /// <summary>Told the status and reason of every request the server itself refused (malformed, over a limit, too slow).</summary>
    public Action<int, string>? Rejected { get; init; }
}
