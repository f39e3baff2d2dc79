namespace TrayPop.Core.Intake;

/// <summary>Settings under <c>TrayPop:Listener</c>. Every listener binds to loopback only, whatever is configured.</summary>
public sealed class ListenerOptions
{
    public const string Section = "TrayPop:Listener";

    public const int DefaultPort = 47470;

    /// <summary>Loopback TCP port of the HTTP intake.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Loopback TCP port of the line protocol (one JSON object per line); 0 turns it off.</summary>
    public int LinePort { get; set; } = DefaultPort + 1;

    /// <summary>
    /// Optional shared secret every channel must present when set (<c>X-TrayPop-Token</c> header or
    /// <c>token=</c> on HTTP, a <c>"token"</c> field on the line protocol); recommended on terminal servers.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>A per-user file holding the token, read when <see cref="Token"/> is not set (what <c>traypop pop</c> and softphone scripts read).</summary>
    public string? TokenFile { get; set; }

    /// <summary>The most call events one connection may send per second; more get 429 or an error line.</summary>
    public int MaxEventsPerSecond { get; set; } = 20;
}
