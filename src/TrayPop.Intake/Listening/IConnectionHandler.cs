using System.Net.Sockets;

namespace TrayPop.Intake.Listening;

/// <summary>One protocol's side of a <see cref="LoopbackListener"/>: what to do with a connection it accepted.</summary>
internal interface IConnectionHandler
{
    /// <summary>
    /// Serves <paramref name="socket"/> until the connection ends or <see cref="ConnectionSlot.Closing"/>; owns and closes
    /// it, and tells <paramref name="slot"/> when it is idle. Never throws for what a client does.
    /// </summary>
    Task ServeAsync(Socket socket, ConnectionSlot slot);

    /// <summary>Answers a connection past the cap, in this protocol's way, and closes it; owns <paramref name="socket"/>.</summary>
    Task RefuseAsync(Socket socket, string reason, CancellationToken stopping);

    /// <summary>Answers a connection from another user's process (HTTP 403, an error line) and closes it, reading nothing from it.</summary>
    Task ForbidAsync(Socket socket, string reason, CancellationToken stopping) => RefuseAsync(socket, reason, stopping);
}
