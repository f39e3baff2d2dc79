using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrayPop.Dataverse.Tests.Support;

/// <summary>
/// A CRM that misbehaves at the socket: it reads each request's head and answers with whatever the test writes, over a
/// real loopback connection, counting the bytes it managed to send before the client hung up.
/// </summary>
internal sealed class RawCrmServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Stream, RawCrmServer, CancellationToken, Task> _answer;
    private readonly Task _loop;
    private long _bytesSent;
    private int _requests;

    private RawCrmServer(Func<Stream, RawCrmServer, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Completes when an answer stopped, because it was all written or because the client closed the connection.</summary>
    public TaskCompletionSource AnswerEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static RawCrmServer Start(Func<Stream, RawCrmServer, CancellationToken, Task> answer) => new(answer);

    /// <summary>Answers 200 with a JSON body of <paramref name="size"/> bytes, announced in Content-Length or streamed until the connection closes.</summary>
    public static RawCrmServer HugeBody(long size, bool announced) => Start(async (stream, server, cancellationToken) =>
    {
        var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
            + (announced ? $"Content-Length: {size}\r\n" : "Connection: close\r\n") + "\r\n";
        await server.WriteAsync(stream, Encoding.ASCII.GetBytes(head + "{\"value\":["), cancellationToken);
        var spaces = new byte[64 * 1024];
        spaces.AsSpan().Fill((byte)' ');
        while (server.BytesSent < size)
        {
            await server.WriteAsync(stream, spaces, cancellationToken);
        }
    });

    /// <summary>Answers every request with a 302 to <paramref name="location"/>.</summary>
    public static RawCrmServer Redirect(Uri location) => Start((stream, server, cancellationToken) =>
        server.WriteAsync(stream, Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: {location.AbsoluteUri}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }

    private async Task WriteAsync(Stream stream, byte[] bytes, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(bytes, cancellationToken);
        Interlocked.Add(ref _bytesSent, bytes.Length);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            await ReadHeadAsync(stream, _stop.Token);
            Interlocked.Increment(ref _requests);
            await _answer(stream, this, _stop.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up: that is what the tests want to see.
        }
        finally
        {
            AnswerEnded.TrySetResult();
        }
    }

    private static async Task ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("The client closed before its request was complete.");
            }

            head.Add(one[0]);
        }
    }
}
