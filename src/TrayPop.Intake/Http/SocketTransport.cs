using System.IO.Pipelines;
using System.Net.Sockets;

namespace TrayPop.Intake.Http;

/// <summary>An accepted socket as an <see cref="IHttpTransport"/>: pipes over a <see cref="NetworkStream"/> that owns it.</summary>
internal sealed class SocketTransport : IHttpTransport
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private bool _aborted;

    public SocketTransport(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true));
        Output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 4096, leaveOpen: true));
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    public void Abort()
    {
        _aborted = true;
        try
        {
            // A reset, not a FIN behind megabytes the client never reads.
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        _stream.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Input.CompleteAsync();
        if (_aborted)
        {
            // Completing the writer would try to send what is buffered into a closed socket.
            _stream.Dispose();
            return;
        }

        try
        {
            await Output.CompleteAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The client went away with an answer unsent; nothing more to do.
        }

        await _stream.DisposeAsync();
    }
}
