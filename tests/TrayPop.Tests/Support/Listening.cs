using System.Net;
using System.Net.Sockets;

namespace TrayPop.Tests.Support;

/// <summary>
/// Waits for a started service: its HTTP intake answers <c>/health</c> (with 401 when it asks for a token) and, when
/// given, its line port accepts. Gives up after 30 s whatever it was last told, so a wrong answer cannot spin forever.
/// </summary>
internal static class Listening
{
    public static async Task WaitAsync(int port, int? linePort = null)
    {
        using var http = new HttpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), timeout.Token);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    if (linePort is { } line)
                    {
                        using var client = new TcpClient();
                        await client.ConnectAsync(IPAddress.Loopback, line, timeout.Token);
                    }

                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException && !timeout.IsCancellationRequested)
            {
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
