using System.Buffers;
using System.Text;
using TrayPop.Intake.Http;

namespace TrayPop.Intake.Tests.Http;

/// <summary>
/// The request head, byte by byte (after Kestrel's HttpParserTests): every input is fed as the connection feeds it, first
/// a prefix and then the whole in two segments, split at every point, and must give the same request or the same refusal.
/// </summary>
public sealed class HttpRequestParserTests
{
    public static TheoryData<string, string, string, string, bool, long?, bool, bool> Accepted => new()
    {
        { "GET /call?number=%2B1&type=inbound HTTP/1.1\r\nHost: 127.0.0.1:47470\r\n\r\n", "GET", "/call", "?number=%2B1&type=inbound", true, null, false, true },
        { "POST /call HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n", "POST", "/call", "", true, 12, false, true },
        { "POST /call HTTP/1.1\r\nHost: [::1]:47470\r\nTransfer-Encoding: chunked\r\n\r\n", "POST", "/call", "", true, null, true, true },
        { "POST /call HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n", "POST", "/call", "", true, null, true, false },
        { "GET /health HTTP/1.0\n\n", "GET", "/health", "", false, null, false, false },
        { "GET /health HTTP/1.0\r\nConnection: keep-alive\r\nHost: a\r\n\r\n", "GET", "/health", "", false, null, false, true },
        { "OPTIONS * HTTP/1.1\r\nHost: a\r\nX-Empty:\r\nX-Spaces: \t value \t\r\n\r\n", "OPTIONS", "", "", true, null, false, true },
        { "GET http://127.0.0.1:47470/pop?number=1 HTTP/1.1\r\nHost: 127.0.0.1:47470\r\n\r\n", "GET", "/pop", "?number=1", true, null, false, true },
        { "POST /call HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n", "POST", "/call", "", true, 0, false, true },
    };

    public static TheoryData<string, int> Refused => new()
    {
        { "GET / HTTP/2.0\r\nHost: a\r\n\r\n", HttpStatus.VersionNotSupported },
        { "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", HttpStatus.BadRequest },
        { "GET /\r\nHost: a\r\n\r\n", HttpStatus.BadRequest },
        { "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", HttpStatus.BadRequest },
        { " GET / HTTP/1.1\r\nHost: a\r\n\r\n", HttpStatus.BadRequest },
        { "GET / HTTP/1.1\r\n\r\n", HttpStatus.BadRequest },
        { "GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", HttpStatus.BadRequest },
        { "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", HttpStatus.BadRequest },
        { "GET http://b/ HTTP/1.1\r\nHost: a\r\n\r\n", HttpStatus.BadRequest },
        { "GET / HTTP/1.1\r\nHost : a\r\n\r\n", HttpStatus.BadRequest },
        { "GET / HTTP/1.1\r\nHost: a\r\nX-Folded: one\r\n two\r\n\r\n", HttpStatus.BadRequest },
        { "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", HttpStatus.BadRequest },
        { "GET / HTTP/1.1\r\nHost: a\r\nX-Bad: a\rb\r\n\r\n", HttpStatus.BadRequest },
        { "GET / HTTP/1.1\r\nHost: a\r\nX-Nul: a\0b\r\n\r\n", HttpStatus.BadRequest },
        { "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n", HttpStatus.BadRequest },
        { "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", HttpStatus.BadRequest },
        { "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", HttpStatus.BadRequest },
        { "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n", HttpStatus.BadRequest },
        { "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", HttpStatus.BadRequest },
        { "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", HttpStatus.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Parse_AtEverySplitPoint_GivesTheSameRequest(string input, string method, string path, string query, bool isHttp11, long? contentLength, bool chunked, bool keepAlive)
    {
        var bytes = Encoding.Latin1.GetBytes(input);
        for (var split = 0; split <= bytes.Length; split++)
        {
            var request = Feed(bytes, split) is { Request: { } parsed } ? parsed : throw new Xunit.Sdk.XunitException($"refused when split at {split}");

            Assert.Equal((method, path, query, isHttp11, contentLength, chunked, keepAlive),
                (request.Method, request.Path, request.QueryString, request.IsHttp11, request.ContentLength, request.IsChunked, request.KeepAlive));
        }
    }

    [Fact]
    public void Parse_HeaderValues_AreTrimmedAndUtf8_AtEverySplitPoint()
    {
        var bytes = Encoding.UTF8.GetBytes("GET / HTTP/1.1\r\nHost: a\r\nX-Name: \t Zoë Ülker \t\r\nX-Empty:\r\n\r\n");
        for (var split = 0; split <= bytes.Length; split++)
        {
            var request = Feed(bytes, split).Request!;

            Assert.Equal("Zoë Ülker", request.Headers["X-Name"]);
            Assert.Equal("", request.Headers["x-empty"]);
        }
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Parse_AtEverySplitPoint_GivesTheSameRefusal(string input, int status)
    {
        AssertRefusedEverywhere(Encoding.Latin1.GetBytes(input), status);
    }

    [Fact]
    public void Parse_HeaderValueNotUtf8_IsRefused()
    {
        AssertRefusedEverywhere([.. "GET / HTTP/1.1\r\nHost: a\r\nX-Bad: "u8, 0xC3, 0x28, .. "\r\n\r\n"u8], HttpStatus.BadRequest);
    }

    [Fact]
    public void Limits_RequestLineOf8KB_IsTaken_OneByteMoreIs414()
    {
        // The limit counts the request line with its CRLF.
        var fits = RequestLineOf(HttpLimits.MaxRequestLineBytes);
        Assert.NotNull(Feed(fits, fits.Length / 2).Request);
        AssertRefusedAtSplits(RequestLineOf(HttpLimits.MaxRequestLineBytes + 1), HttpStatus.UriTooLong);
    }

    [Fact]
    public void Limits_RequestLineWithoutItsEnd_Is414OnceLongerThan8KB()
    {
        var endless = Encoding.ASCII.GetBytes("GET /" + new string('a', HttpLimits.MaxRequestLineBytes));
        AssertRefusedAtSplits(endless, HttpStatus.UriTooLong);
    }

    [Fact]
    public void Limits_HeaderFieldsOf16KB_AreTaken_OneByteMoreIs431()
    {
        var fits = WithFieldBytes(HttpLimits.MaxHeaderBytes);
        Assert.NotNull(Feed(fits, fits.Length / 2).Request);
        AssertRefusedAtSplits(WithFieldBytes(HttpLimits.MaxHeaderBytes + 1), HttpStatus.HeadersTooLarge);
    }

    [Fact]
    public void Limits_AHundredFields_AreTaken_OneMoreIs431()
    {
        Assert.NotNull(Feed(WithFields(HttpLimits.MaxHeaderCount), 0).Request);
        AssertRefusedAtSplits(WithFields(HttpLimits.MaxHeaderCount + 1), HttpStatus.HeadersTooLarge);
    }

    [Fact]
    public void Limits_ContentLengthPastTheBodyLimit_IsParsed_TheEndpointRefusesIt()
    {
        // The head is fine; the 413 comes when the body is asked for (HttpIntake), before a byte of it is read.
        var bytes = Encoding.ASCII.GetBytes($"POST /call HTTP/1.1\r\nHost: a\r\nContent-Length: {HttpLimits.MaxBodyBytes + 1}\r\n\r\n");
        for (var split = 0; split <= bytes.Length; split++)
        {
            Assert.Equal(HttpLimits.MaxBodyBytes + 1, Feed(bytes, split).Request!.ContentLength);
        }
    }

    /// <summary>A head whose request line, CRLF included, is <paramref name="length"/> bytes.</summary>
    private static byte[] RequestLineOf(int length)
    {
        const string Before = "GET /", After = " HTTP/1.1\r\n";
        return Encoding.ASCII.GetBytes(Before + new string('a', length - Before.Length - After.Length) + After + "Host: a\r\n\r\n");
    }

    /// <summary>A head whose header fields, CRLFs included and the final empty line not, are <paramref name="length"/> bytes.</summary>
    private static byte[] WithFieldBytes(int length)
    {
        const string Host = "Host: a\r\n", Name = "X-Pad: ";
        return Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n" + Host + Name + new string('p', length - Host.Length - Name.Length - 2) + "\r\n\r\n");
    }

    private static byte[] WithFields(int count) =>
        Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: a\r\n" + string.Concat(Enumerable.Range(1, count - 1).Select(i => $"X-{i}: v\r\n")) + "\r\n");

    private static void AssertRefusedEverywhere(byte[] bytes, int status)
    {
        for (var split = 0; split <= bytes.Length; split++)
        {
            Assert.Equal(status, Feed(bytes, split).Refusal);
        }
    }

    /// <summary>For the large inputs: every split in the first and last 64 bytes and around each limit, and every 97th between.</summary>
    private static void AssertRefusedAtSplits(byte[] bytes, int status)
    {
        for (var split = 0; split <= bytes.Length; split++)
        {
            if (split < 64 || split > bytes.Length - 64 || split % 97 == 0 || Math.Abs(split - HttpLimits.MaxRequestLineBytes) < 8 || Math.Abs(split - HttpLimits.MaxHeaderBytes) < 8)
            {
                Assert.Equal(status, Feed(bytes, split).Refusal);
            }
        }
    }

    /// <summary>
    /// What the connection does: scans what has arrived (the first <paramref name="split"/> bytes), then everything, now
    /// in two segments; once the head is complete it is parsed from the (possibly multi-segment) sequence.
    /// </summary>
    private static (HttpRequest? Request, int Refusal) Feed(byte[] bytes, int split)
    {
        var scanner = new RequestHeadScanner();
        try
        {
            var first = new ReadOnlySequence<byte>(bytes, 0, split);
            if (!scanner.TryFindEnd(first, out var headLength))
            {
                var whole = TwoSegments(bytes, split);
                if (!scanner.TryFindEnd(whole, out headLength))
                {
                    return (null, 0);
                }

                return (HttpRequestParser.Parse(whole.Slice(0, headLength), null!), 0);
            }

            return (HttpRequestParser.Parse(first.Slice(0, headLength), null!), 0);
        }
        catch (HttpRequestRejectedException ex)
        {
            return (null, ex.Status);
        }
    }

    private static ReadOnlySequence<byte> TwoSegments(byte[] bytes, int split)
    {
        if (split == 0 || split == bytes.Length)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        var head = new Segment(bytes.AsMemory(0, split), 0);
        var tail = head.Append(bytes.AsMemory(split));
        return new ReadOnlySequence<byte>(head, 0, tail, tail.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
