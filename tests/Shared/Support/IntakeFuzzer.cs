using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrayPop.Testing;

/// <summary>
/// Byte-level mutations of valid requests or lines (bit flips, insertions, deletions, duplications, truncations) sent to a
/// running intake over loopback in pieces split at random boundaries; each case half-closes and waits, within a bound, for
/// the intake to answer and close.
/// </summary>
internal sealed class IntakeFuzzer(int port, int seed)
{
    /// <summary>Longer than any intake timeout a case can meet once the client has half-closed: past it a case has hung.</summary>
    public static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(35);

    private static readonly byte[] Interesting = "\r\n\0{}\":;,%+ 0123456789aAfF\u007f"u8.ToArray();

    public sealed record Result(int Cases, int Answered, int ClosedSilently, int Hung, int Refused, long PeakWorkingSet, long PeakManaged, TimeSpan Elapsed)
    {
        public double CasesPerSecond => Cases / Elapsed.TotalSeconds;
    }

    public static IReadOnlyList<byte[]> HttpSeeds(int port)
    {
        var host = $"Host: 127.0.0.1:{port}\r\n";
        const string Json = "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"callId\":\"f1\"}";
        return
        [
            .. new[]
            {
                $"GET /call?number=%2B14255550101&type=inbound&callId=f2 HTTP/1.1\r\n{host}\r\n",
                $"POST /call HTTP/1.1\r\n{host}Content-Type: application/json\r\nContent-Length: {Json.Length}\r\n\r\n{Json}",
                $"POST /call HTTP/1.1\r\n{host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{10:x}\r\n{Json[..10]}\r\n{Json.Length - 10:x};x=y\r\n{Json[10..]}\r\n0\r\nX-T: 1\r\n\r\n",
                $"POST /call HTTP/1.1\r\n{host}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 29\r\n\r\nnumber=%2B14255550102&type=in",
                $"GET /pop?number=%2B14255550101 HTTP/1.1\r\n{host}\r\n",
                $"GET /health HTTP/1.1\r\n{host}\r\nGET /call?number=%2B14255550103 HTTP/1.1\r\n{host}Connection: close\r\n\r\n",
            }.Select(Encoding.ASCII.GetBytes),
        ];
    }

    public static IReadOnlyList<byte[]> LineSeeds() =>
    [
        .. new[]
        {
            "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"callId\":\"l1\"}\n",
            "{\"number\":\"+14255550102\",\"type\":\"outbound\",\"phase\":\"ring\"}\n{\"number\":\"+14255550101\",\"phase\":\"end\"}\n",
            "{\"number\":\"sip:+14255550103@pbx\",\"callId\":\"l3\",\"type\":\"internal\"}\r\n",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    public static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    at = Math.Min(at, bytes.Count - 1);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(3) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)]));
                    break;
                case 2 when bytes.Count > 0:
                    at = Math.Min(at, bytes.Count - 1);
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at));
                    break;
                case 3 when bytes.Count > 0:
                    at = Math.Min(at, bytes.Count - 1);
                    var length = Math.Min(random.Next(1, 64), bytes.Count - at);
                    var copy = bytes.GetRange(at, length);
                    for (var times = random.Next(1, random.Next(10) == 0 ? 400 : 4); times > 0; times--)
                    {
                        bytes.InsertRange(at, copy);
                    }

                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.AddRange(seed);
                    break;
            }
        }

        return [.. bytes];
    }

    public async Task<Result> RunAsync(int cases, int parallel, IReadOnlyList<byte[]> seeds, Func<long>? workingSet = null)
    {
        var watch = Stopwatch.StartNew();
        int next = -1, answered = 0, silent = 0, hung = 0, refused = 0;
        long peakWorkingSet = 0, peakManaged = 0;
        workingSet ??= () => Environment.WorkingSet;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(worker => Task.Run(async () =>
        {
            var random = new Random(seed * 1000 + worker);
            var buffer = new byte[16 * 1024];
            int index;
            while ((index = Interlocked.Increment(ref next)) < cases)
            {
                var input = Mutate(random, seeds[random.Next(seeds.Count)]);
                switch (await OneCaseAsync(random, input, buffer))
                {
                    case Outcome.Answered: Interlocked.Increment(ref answered); break;
                    case Outcome.ClosedSilently: Interlocked.Increment(ref silent); break;
                    case Outcome.Refused: Interlocked.Increment(ref refused); break;
                    default: Interlocked.Increment(ref hung); break;
                }

                if (index % 2000 == 0)
                {
                    InterlockedMax(ref peakWorkingSet, workingSet());
                    InterlockedMax(ref peakManaged, GC.GetTotalMemory(false));
                }
            }
        })));
        InterlockedMax(ref peakWorkingSet, workingSet());
        return new Result(cases, answered, silent, hung, refused, peakWorkingSet, peakManaged, watch.Elapsed);
    }

    private enum Outcome
    {
        Answered,
        ClosedSilently,
        Refused,
        Hung,
    }

    private async Task<Outcome> OneCaseAsync(Random random, byte[] input, byte[] buffer)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var bound = new CancellationTokenSource(CaseBound);
        var received = 0;
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), bound.Token);
            // Sent in up to four pieces split at random boundaries.
            var at = 0;
            for (var pieces = random.Next(1, 5); at < input.Length; pieces--)
            {
                var length = pieces <= 1 ? input.Length - at : random.Next(1, input.Length - at + 1);
                await socket.SendAsync(input.AsMemory(at, length), SocketFlags.None, bound.Token);
                at += length;
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
            return Outcome.Hung;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.Shutdown or SocketError.ConnectionAborted)
        {
            return received > 0 ? Outcome.Answered : Outcome.Refused;
        }
        finally
        {
            // A reset, so a hundred thousand cases leave no TIME_WAIT behind to exhaust the loopback ports.
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
            }
        }

        return received > 0 ? Outcome.Answered : Outcome.ClosedSilently;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
