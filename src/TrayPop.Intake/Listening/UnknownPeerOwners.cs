using System.Net;

namespace TrayPop.Intake.Listening;

/// <summary>A platform without a TCP owner table TrayPop can read: it cannot tell (a warning at start says so).</summary>
internal sealed class UnknownPeerOwners : IPeerOwners
{
    public bool? IsSameUser(IPEndPoint peer, IPEndPoint self) => null;
}
