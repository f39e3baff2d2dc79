using Microsoft.Extensions.Configuration;

namespace TrayPop.Intake;

/// <summary>Settings under <c>TrayPop:Listener</c>. Every listener binds to loopback only, whatever is configured.</summary>
internal sealed class ListenerOptions
{
    public const string Section = "TrayPop:Listener";

    public const int DefaultPort = 47470;

    /// <summary>
    /// The first port of the per-session scheme (see <see cref="SessionPorts"/>): session 0/1 listen on it and the
    /// next one, session n on <c>BasePort + 2 × (n − 1)</c> and the next one.
    /// </summary>
    public int BasePort { get; set; } = DefaultPort;

    /// <summary><c>TrayPop:Listener:Port</c> as configured: the HTTP port in every session. Null picks this session's port.</summary>
    [ConfigurationKeyName("Port")]
    public int? ConfiguredPort { get; set; }

    /// <summary><c>TrayPop:Listener:LinePort</c> as configured (0 turns the line off). Null picks the port after this session's HTTP port.</summary>
    [ConfigurationKeyName("LinePort")]
    public int? ConfiguredLinePort { get; set; }

    /// <summary>Loopback TCP port of the HTTP intake: as configured, or this session's port from <see cref="BasePort"/>.</summary>
    public int Port => ConfiguredPort ?? SessionPorts.Http(BasePort, SessionId);

    /// <summary>Loopback TCP port of the line protocol (one JSON object per line); 0 means off.</summary>
    public int LinePort => ConfiguredLinePort ?? SessionPorts.Line(BasePort, SessionId);

    /// <summary>
    /// Optional shared secret every channel must present when set (<c>X-TrayPop-Token</c> header or
    /// <c>token=</c> on HTTP, a <c>"token"</c> field on the line protocol); recommended on terminal servers.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>A per-user file holding the token, read when <see cref="Token"/> is not set (what <c>traypop pop</c> and softphone scripts read).</summary>
    public string? TokenFile { get; set; }

    /// <summary>The most call events one connection may send per second; more get 429 or an error line.</summary>
    public int MaxEventsPerSecond { get; set; } = 20;

    /// <summary>
    /// The most CRM lookups per second across every connection and channel (with a second's worth of burst); past it,
    /// ring-time lookups are shed first and the rest get 429 or an error line. See <c>LookupBudget</c>.
    /// </summary>
    public int MaxLookupsPerSecond { get; set; } = 10;

    /// <summary>
    /// How long a connection may wait for its next request or line (HTTP keep-alive and the line protocol alike); an
    /// idle connection is also the first closed when a listener is at its cap and a new client connects.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Accept connections from other users' processes too (off by default: on a terminal server every session shares
    /// loopback). A warning is logged at start when on.
    /// </summary>
    public bool AllowOtherUsers { get; set; }

    /// <summary>
    /// The OS session this process runs in (<c>TrayPopPlatform.SessionId</c>), which picks the ports when they are
    /// not configured. Set by the host, never from configuration (the binder only sets public properties).
    /// </summary>
    internal int SessionId { get; set; }
}
