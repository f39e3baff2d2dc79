using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TrayPop.Harness;

/// <summary>Waits for a child process to listen: the first loopback connection it accepts.</summary>
internal static class Listening
{
    /// <param name="poll">How often to try; start-up measurements poll every millisecond, so the wait adds no more than that.</param>
    public static async Task WaitForAsync(int port, TimeSpan? limit = null, TimeSpan? poll = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < (limit ?? TimeSpan.FromSeconds(60)))
            {
                await Task.Delay(poll ?? TimeSpan.FromMilliseconds(5));
            }
        }
    }
}
