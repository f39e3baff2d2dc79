using System.Net.Sockets;
using System.Text;

namespace TrayPop.Testing;

/// <summary>Speaks the line protocol as a softphone would: writes lines, reads one reply line per event.</summary>
internal static class LineClient
{
    /// <summary>A reply that never comes fails the test after this long instead of hanging the run.</summary>
    private static readonly TimeSpan ReplyDeadline = TimeSpan.FromSeconds(30);

    public static async Task<List<string>> SendAsync(int port, string lines, int replies)
    {
        using var deadline = new CancellationTokenSource(ReplyDeadline);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(lines));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var result = new List<string>();
        for (var i = 0; i < replies; i++)
        {
            try
            {
                result.Add(await reader.ReadLineAsync(deadline.Token) ?? "");
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No reply {i + 1} of {replies} within {ReplyDeadline.TotalSeconds} s; replies so far: {string.Join(" | ", result)}");
            }
        }

        return result;
    }
}
