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

    /// <summary>Whether <paramref name="client"/> (an accepted connection) may be served.</summary>
    public bool Admits(Socket client) =>
        _allowOthers
        || (client.RemoteEndPoint is IPEndPoint peer && client.LocalEndPoint is IPEndPoint self && _owners.IsSameUser(peer, self) != false);
}
