namespace TrayPop.Intake.Http;

/// <summary>What one request and one connection may cost the intake; the sizes are the ones Kestrel was configured with.</summary>
internal static class HttpLimits
{
    public const int MaxRequestLineBytes = 8 * 1024;
    public const int MaxHeaderBytes = 16 * 1024;
    public const int MaxHeaderCount = 100;
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxConnections = 64;

    /// <summary>From a request's first byte to its last (head and body): a client that dribbles bytes cannot hold a connection.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a kept-alive connection may wait for its next request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How long one answer may take to leave: past it the client is taken not to read, and the connection is reset.</summary>
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long, and for how many bytes, a closing connection keeps reading what the client still sends.</summary>
    public static readonly TimeSpan LingerTimeout = TimeSpan.FromSeconds(2);

    public const int MaxLingerBytes = 256 * 1024;
}
