using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrayPop.Testing;

/// <summary>
/// A client on a bare socket, so tests can send exactly the bytes a softphone (or a hostile process) would:
/// pipelined requests, partial heads, chunked bodies, garbage. Every read has a generous deadline so a broken
/// server fails the test instead of hanging it.
/// </summary>
internal sealed class RawHttpConnection : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly Socket _socket;
    private readonly List<byte> _received = [];
    private bool _closed;

    private RawHttpConnection(Socket socket) => _socket = socket;

    public static async Task<RawHttpConnection> OpenAsync(int port, IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(address, port));
        return new RawHttpConnection(socket);
    }

    public async Task SendAsync(string text) => await SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes) => await _socket.SendAsync(bytes, SocketFlags.None);

    /// <summary>The next response (a 100 Continue counts as one), or null when the server closed the connection first.</summary>
    public async Task<RawHttpResponse?> ReadResponseAsync()
    {
        int headEnd;
        while ((headEnd = IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (!await ReceiveAsync(Deadline))
            {
                return null;
            }
        }

        var head = Encoding.ASCII.GetString([.. _received.Take(headEnd)]).Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
        while (_received.Count < headEnd + 4 + length)
        {
            if (!await ReceiveAsync(Deadline))
            {
                return null;
            }
        }

        var body = Encoding.UTF8.GetString([.. _received.Skip(headEnd + 4).Take(length)]);
        _received.RemoveRange(0, headEnd + 4 + length);
        return new RawHttpResponse(int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
    }

    /// <summary>Whether the server closes the connection (FIN or reset) without sending anything more.</summary>
    public async Task<bool> ClosesWithoutAnswerAsync()
    {
        var before = _received.Count;
        while (await ReceiveAsync(Deadline))
        {
        }

        return _received.Count == before;
    }

    /// <summary>Whether something arrives (or the connection closes) within <paramref name="wait"/>; used to step a fake clock.</summary>
    public async Task<bool> AnythingWithinAsync(TimeSpan wait)
    {
        if (_received.Count > 0 || _closed)
        {
            return true;
        }

        await ReceiveAsync(wait);
        return _received.Count > 0 || _closed;
    }

    public bool Closed => _closed;

    private async Task<bool> ReceiveAsync(TimeSpan wait)
    {
        if (_closed)
        {
            return false;
        }

        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                _closed = true;
                return false;
            }

            _received.AddRange(buffer.Take(read));
            return true;
        }
        catch (SocketException)
        {
            _closed = true;
            return false;
        }
        catch (OperationCanceledException) when (wait != Deadline)
        {
            return false;
        }
    }

    private int IndexOf(ReadOnlySpan<byte> pattern)
    {
        for (var i = 0; i + pattern.Length <= _received.Count; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = _received[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

internal sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
