using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake.Listening;

/// <summary>
/// Only the agent's own processes may connect: on a terminal server every session shares loopback, so a port is no
/// boundary between users. Each accepted connection's peer must run as this process's user, unless
/// <c>TrayPop:Listener:AllowOtherUsers</c> turns the check off (with a warning at start).
/// </summary>
internal sealed class SameUserGuard
{
    public const string Reason = "the connection comes from another user's process";

    /// <summary>How the refusal log names a peer whose owner this platform cannot tell (or was not asked).</summary>
    public const string UnknownPeer = "a local process";

    private readonly IPeerOwners _owners;
    private readonly bool _allowOthers;

    public SameUserGuard(IOptions<ListenerOptions> options, IPeerOwners owners, ILogger<SameUserGuard> logger)
    {
        _owners = owners;
        _allowOthers = options.Value.AllowOtherUsers;
        if (_allowOthers)
        {
            Log.OtherUsersAllowed(logger);
        }
        else if (owners is UnknownPeerOwners)
        {
            Log.PeerOwnersUnknown(logger);
        }
    }

    /// <summary>
    /// Whether <paramref name="client"/> (an accepted connection) may be served, and how refusals name its peer: by its
    /// owner where the platform tells it (<c>a local process (uid 1000)</c>, <c>another user's process (uid 1001)</c>),
    /// never by its port.
    /// </summary>
    public bool Admits(Socket client, out string source)
    {
        source = UnknownPeer;
        if (_allowOthers)
        {
            return true;
        }

        if (client.RemoteEndPoint is not IPEndPoint peer || client.LocalEndPoint is not IPEndPoint self)
        {
            return false;
        }

        var same = _owners.IsSameUser(peer, self, out var owner) != false;
        source = (same ? UnknownPeer : "another user's process") + (owner is null ? "" : $" ({owner})");
        return same;
    }
}
