using System.Net;
using System.Net.Sockets;

namespace TrayPop.Testing;

/// <summary>
/// Sends fuzz cases to a running intake over loopback, each on its own connection, piece by piece; then half-closes
/// and waits, within <see cref="FuzzRun.CaseBound"/>, for the intake to answer and close.
/// </summary>
internal sealed class LoopbackFuzzClient(int port)
{
    public async Task<FuzzOutcome> SendAsync(FuzzCase input)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var bound = new CancellationTokenSource(FuzzRun.CaseBound);
        var buffer = new byte[16 * 1024];
        var received = 0;
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), bound.Token);
            var at = 0;
            foreach (var piece in input.Pieces)
            {
                await socket.SendAsync(input.Bytes.AsMemory(at, piece), SocketFlags.None, bound.Token);
                at += piece;
            }

            socket.Shutdown(SocketShutdown.Send);
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, bound.Token)) > 0)
            {
                received += read;
            }
        }
        catch (OperationCanceledException)
        {
            return FuzzOutcome.Hung;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.Shutdown or SocketError.ConnectionAborted)
        {
            return received > 0 ? FuzzOutcome.Answered : FuzzOutcome.Reset;
        }
        finally
        {
            // A reset, so hundreds of thousands of cases leave no TIME_WAIT behind to exhaust the loopback ports.
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
            }
        }

        return received > 0 ? FuzzOutcome.Answered : FuzzOutcome.ClosedSilently;
    }
}
