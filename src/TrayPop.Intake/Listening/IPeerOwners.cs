using System.Net;

namespace TrayPop.Intake.Listening;

/// <summary>
/// Which user owns the process at the other end of a loopback TCP connection: the kernel's TCP table and the
/// socket's owner (Linux: <c>/proc/net/tcp</c>'s uid; Windows: the owning process's token user).
/// </summary>
internal interface IPeerOwners
{
    /// <summary>
    /// Whether the socket whose own endpoint is <paramref name="peer"/> and whose far end is <paramref name="self"/>
    /// belongs to the user this process runs as; null when this platform cannot tell. A row not found is false.
    /// </summary>
    bool? IsSameUser(IPEndPoint peer, IPEndPoint self);

    /// <summary>
    /// <see cref="IsSameUser(IPEndPoint, IPEndPoint)"/>, and what identifies the peer's owner to this platform for the
    /// refusal log (Linux: <c>uid 1000</c>), never the peer's ephemeral port, so a client that cycles ports stays one
    /// source; null when this platform cannot tell.
    /// </summary>
    bool? IsSameUser(IPEndPoint peer, IPEndPoint self, out string? owner)
    {
        owner = null;
        return IsSameUser(peer, self);
    }
}
