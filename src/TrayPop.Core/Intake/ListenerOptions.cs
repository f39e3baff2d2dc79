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
}
