using System.Net;
using System.Net.Sockets;

namespace TrayPop.Intake.Tests;

/// <summary>Whether this machine lets a program listen on [::1], found out with a raw socket, apart from the code under test.</summary>
internal static class LoopbackV6
{
    public static bool Available { get; } = Probe();

    private static bool Probe()
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            socket.Listen();
            return true;
        }
        catch (Exception ex) when (ex is SocketException or NotSupportedException)
        {
            return false;
        }
    }
}
