using System.Net;
using System.Net.Sockets;

namespace TrayPop.Testing;

/// <summary>A loopback port nobody listens on right now (shared by the test projects and the harness, linked into each).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
