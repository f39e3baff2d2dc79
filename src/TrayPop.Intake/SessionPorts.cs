namespace TrayPop.Intake;

/// <summary>
/// Which loopback ports the TrayPop of one Windows session listens on, so every agent on a terminal
/// server (RDS, Citrix) gets their own pair without configuration, and <c>traypop pop</c> finds its own
/// session's instance by the same rule.
/// <para>
/// Session 0 (services) and session 1 (the console user of a single-user desktop, or the first RDP user)
/// keep the documented defaults: HTTP on <c>BasePort</c> (47470), the line protocol on the next port
/// (47471). Session <em>n</em> &gt; 1 takes the pair after that: HTTP on <c>BasePort + 2 × (n − 1)</c>,
/// the line on the port after it (session 2: 47472/47473, session 3: 47474/47475, …). Session 0 never has a
/// desktop, so it never runs a tray beside session 1; sharing a pair with it costs nothing.
/// </para>
/// <para>
/// An explicit <c>TrayPop:Listener:Port</c> or <c>LinePort</c> is used as given, in every session.
/// Ports from 49152 up are Windows' ephemeral range, where an outgoing connection may hold one: with the
/// default base that starts at session 842, far past what one terminal server hosts.
/// </para>
/// </summary>
internal static class SessionPorts
{
    /// <summary>How far this session's pair sits above the base port.</summary>
    public static long Offset(int sessionId) => sessionId <= 1 ? 0 : 2L * (sessionId - 1);

    /// <summary>The HTTP intake's port in <paramref name="sessionId"/>; past 65535 when the session is too high for the base (the validator says so).</summary>
    public static int Http(int basePort, int sessionId) => Clamp(basePort + Offset(sessionId));

    /// <summary>The line protocol's port in <paramref name="sessionId"/>: the one after <see cref="Http"/>.</summary>
    public static int Line(int basePort, int sessionId) => Clamp(basePort + Offset(sessionId) + 1);

    private static int Clamp(long port) => (int)Math.Min(port, int.MaxValue);
}
