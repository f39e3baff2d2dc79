using System.Text;

namespace TrayPop.Testing;

/// <summary>
/// The intake fuzzers' inputs: valid requests and lines, each mutated at the byte level (bit flips, insertions,
/// deletions, duplications, truncations, repeats) and cut into pieces at random boundaries. Case <c>i</c> of seed
/// <c>s</c> is the same bytes and pieces in every run and in every driver (in memory, loopback, the harness), so a failure
/// that prints both can be replayed alone.
/// </summary>
internal static class IntakeMutations
{
    private static readonly byte[] Interesting = "\r\n\0{}\":;,%+ 0123456789aAfF\u007f"u8.ToArray();

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

    private static readonly string[] Lines =
    [
        "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"callId\":\"l1\"}\n",
        "{\"number\":\"+14255550102\",\"type\":\"outbound\",\"phase\":\"ring\"}\n{\"number\":\"+14255550101\",\"phase\":\"end\"}\n",
        "{\"number\":\"sip:+14255550103@pbx\",\"callId\":\"l3\",\"type\":\"internal\"}\r\n",
    ];

    public static IReadOnlyList<byte[]> LineSeeds() => [.. Lines.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Case <paramref name="index"/> of <paramref name="seed"/>: a mutation of one of <paramref name="seeds"/>, and where it is cut.</summary>
    public static FuzzCase Case(int seed, int index, IReadOnlyList<byte[]> seeds)
    {
        // Its own generator per case, so a case does not depend on which worker ran which cases before it.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var bytes = Mutate(random, seeds[random.Next(seeds.Count)]);
        return new FuzzCase(seed, index, bytes, Split(random, bytes.Length));
    }

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

    /// <summary>The lengths of the pieces <paramref name="length"/> bytes are sent in: mostly up to four, sometimes up to 32.</summary>
    private static int[] Split(Random random, int length)
    {
        var pieces = new List<int>();
        var count = random.Next(16) == 0 ? random.Next(5, 33) : random.Next(1, 5);
        for (var left = length; left > 0; count--)
        {
            var piece = count <= 1 ? left : random.Next(1, left + 1);
            pieces.Add(piece);
            left -= piece;
        }

        return [.. pieces];
    }
}
