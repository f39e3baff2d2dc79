using System.Net.Sockets;

namespace TrayPop.Intake.Listening;

/// <summary>One protocol's side of a <see cref="LoopbackListener"/>: what to do with a connection it accepted.</summary>
internal interface IConnectionHandler
{
    /// <summary>Serves <paramref name="socket"/> until the connection ends; owns and closes it. Never throws for what a client does.</summary>
    Task ServeAsync(Socket socket, CancellationToken stopping);

    /// <summary>Answers a connection past the cap, in this protocol's way, and closes it; owns <paramref name="socket"/>.</summary>
    Task RefuseAsync(Socket socket, string reason, CancellationToken stopping);

    /// <summary>Answers a connection from another user's process (HTTP 403, an error line) and closes it, reading nothing from it.</summary>
    Task ForbidAsync(Socket socket, string reason, CancellationToken stopping) => RefuseAsync(socket, reason, stopping);
}
