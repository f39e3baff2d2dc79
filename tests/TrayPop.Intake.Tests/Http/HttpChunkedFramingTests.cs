using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Intake.Http;
using TrayPop.Intake.Tests.Http.Support;

namespace TrayPop.Intake.Tests.Http;

/// <summary>
/// Chunked framing, byte by byte (after Kestrel's tests): each request is fed to a real <see cref="HttpConnection"/> over
/// in-memory pipes, split at every point, and must give the same answers: chunk sizes, extensions, trailers, the
/// trailer limits, and a request pipelined behind a chunked body, answered without waiting for more bytes.
/// </summary>
public sealed class HttpChunkedFramingTests
{
    private const string Post = "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";

    public static TheoryData<string, string> Decoded => new()
    {
        { "5\r\nhello\r\n0\r\n\r\n", "hello" },
        { "A\r\n0123456789\r\n10\r\nabcdefghijklmnop\r\n0\r\n\r\n", "0123456789abcdefghijklmnop" },
        { "000a\r\n0123456789\r\na\r\nABCDEFGHIJ\r\n00\r\n\r\n", "0123456789ABCDEFGHIJ" },
        { "5;name=value\r\nhello\r\n3;a;b=\"q;x\"\r\n, x\r\n0;last\r\n\r\n", "hello, x" },
        { "5\r\nhello\r\n0\r\nX-Trailer: one\r\nX-Other: two\r\n\r\n", "hello" },
        { "1\r\n\n\r\n1\r\n\r\r\n0\r\n\r\n", "\n\r" },
        { "0\r\n\r\n", "" },
    };

    public static TheoryData<string> Malformed => new()
    {
        "g\r\nhello\r\n0\r\n\r\n",
        "\r\nhello\r\n0\r\n\r\n",
        "123456789\r\nx\r\n0\r\n\r\n",
        "5\r\nhelloX\r\n0\r\n\r\n",
        "5\nhello\r\n0\r\n\r\n",
        "5\r\nhello\n0\r\n\r\n",
        "5\r\nhello\r\n0\r\n\r\n"[..^4],
        "5\r\nhel",
    };

    [Theory]
    [MemberData(nameof(Decoded))]
    public async Task Body_AtEverySplitPoint_IsDecodedTheSame(string chunks, string body)
    {
        var bytes = Encoding.Latin1.GetBytes(Post + chunks);
        for (var split = 0; split <= bytes.Length; split++)
        {
            var answers = await ServeAsync(bytes, split);

            Assert.Equal([(200, $"POST /echo [{body}]")], answers);
        }
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedFraming_AtEverySplitPoint_Is400AndTheConnectionCloses(string chunks)
    {
        var bytes = Encoding.Latin1.GetBytes(Post + chunks);
        for (var split = 0; split <= bytes.Length; split++)
        {
            var answers = await ServeAsync(bytes, split);

            Assert.Equal([400], answers.Select(a => a.Status));
        }
    }

    [Theory]
    [MemberData(nameof(Decoded))]
    public async Task ARequestPipelinedBehindAChunkedBody_AtEverySplitPoint_IsAnsweredWithoutWaitingForMoreBytes(string chunks, string body)
    {
        var bytes = Encoding.Latin1.GetBytes(Post + chunks + "GET /next HTTP/1.1\r\nHost: a\r\n\r\n");
        for (var split = 0; split <= bytes.Length; split++)
        {
            // The client keeps the connection open and sends nothing more: both answers must come anyway.
            var answers = await ServeAsync(bytes, split, endAfterLast: false, expect: 2);

            Assert.Equal([(200, $"POST /echo [{body}]"), (200, "GET /next []")], answers);
        }
    }

    [Fact]
    public async Task Trailers_Of16KB_AreTaken_OneByteMoreIs431_AtSplitsAroundEveryLine()
    {
        var fits = Encoding.ASCII.GetBytes(Post + "1\r\nx\r\n0\r\n" + TrailerBytes(HttpLimits.MaxHeaderBytes) + "\r\n");
        var over = Encoding.ASCII.GetBytes(Post + "1\r\nx\r\n0\r\n" + TrailerBytes(HttpLimits.MaxHeaderBytes + 1) + "\r\n");

        foreach (var split in Splits(fits))
        {
            Assert.Equal([200], (await ServeAsync(fits, split)).Select(a => a.Status));
        }

        foreach (var split in Splits(over))
        {
            Assert.Equal([431], (await ServeAsync(over, split)).Select(a => a.Status));
        }
    }

    [Fact]
    public async Task Trailers_AHundredFields_AreTaken_OneMoreIs431()
    {
        var fits = Encoding.ASCII.GetBytes(Post + "0\r\n" + Fields(HttpLimits.MaxHeaderCount) + "\r\n");
        var over = Encoding.ASCII.GetBytes(Post + "0\r\n" + Fields(HttpLimits.MaxHeaderCount + 1) + "\r\n");

        foreach (var split in Splits(fits))
        {
            Assert.Equal([200], (await ServeAsync(fits, split)).Select(a => a.Status));
            Assert.Equal([431], (await ServeAsync(over, split)).Select(a => a.Status));
        }
    }

    [Fact]
    public async Task Trailers_WithoutEnd_Are431OnceTheyPass16KB()
    {
        var endless = Encoding.ASCII.GetBytes(Post + "0\r\nX-Endless: " + new string('e', 20 * 1024));

        var input = new ScriptedPipeReader(endless, [endless.Length], endAfterLast: false);
        var answers = await ServeAsync(input, expect: 1);

        Assert.Equal([431], answers.Select(a => a.Status));
    }

    [Fact]
    public async Task AClientThatPipelinesAndNeverReads_IsResetAfterTheWriteTimeout()
    {
        var time = new FakeTimeProvider();
        var request = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("GET /x HTTP/1.1\r\nHost: a\r\n\r\n", 200)));
        var transport = new PipeTransport(new ScriptedPipeReader(request, [request.Length], endAfterLast: false), new PipeOptions(pauseWriterThreshold: 512, resumeWriterThreshold: 256));
        var connection = new HttpConnection(transport, new EchoBodyHandler(), time, NullLogger.Instance, new HttpConnectionSettings(), CancellationToken.None);

        connection.Start();
        var waited = await StepUntilAsync(time, () => connection.Completion.IsCompleted, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));

        Assert.InRange(waited, HttpLimits.WriteTimeout, TimeSpan.FromMinutes(2));
        Assert.True(transport.Aborted);
    }

    [Fact]
    public async Task IdleTimeout_IsTheConfiguredOne()
    {
        var time = new FakeTimeProvider();
        var request = Encoding.ASCII.GetBytes("GET /x HTTP/1.1\r\nHost: a\r\n\r\n");
        var transport = new PipeTransport(new ScriptedPipeReader(request, [request.Length], endAfterLast: false));
        var settings = new HttpConnectionSettings { IdleTimeout = TimeSpan.FromSeconds(7) };
        var connection = new HttpConnection(transport, new EchoBodyHandler(), time, NullLogger.Instance, settings, CancellationToken.None);

        connection.Start();
        Assert.Equal([200], (await AnswerReader.ReadAsync(transport.Answers, 1)).Select(a => a.Status));
        var waited = await StepUntilAsync(time, () => connection.Completion.IsCompleted, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));

        Assert.InRange(waited, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7 + 2 + 1));
        Assert.False(transport.Aborted);
    }

    private static async Task<List<(int Status, string Body)>> ServeAsync(byte[] bytes, int split, bool endAfterLast = true, int expect = int.MaxValue) =>
        await ServeAsync(ScriptedPipeReader.SplitAt(bytes, split, endAfterLast), expect);

    private static async Task<List<(int Status, string Body)>> ServeAsync(ScriptedPipeReader input, int expect)
    {
        using var stop = new CancellationTokenSource();
        var transport = new PipeTransport(input);
        var connection = new HttpConnection(transport, new EchoBodyHandler(), new FakeTimeProvider(), NullLogger.Instance, new HttpConnectionSettings(), stop.Token);
        connection.Start();
        var answers = await AnswerReader.ReadAsync(transport.Answers, expect);
        await stop.CancelAsync();
        await connection.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        return answers;
    }

    /// <summary>Every split in the first and last 64 bytes, around each line end, and every 61st between.</summary>
    private static IEnumerable<int> Splits(byte[] bytes) =>
        Enumerable.Range(0, bytes.Length + 1).Where(split =>
            split < 64 || split > bytes.Length - 64 || split % 61 == 0 || (split > 0 && split < bytes.Length && (bytes[split - 1] == '\n' || bytes[split] == '\n')));

    /// <summary>Trailer fields, CRLFs included, of exactly <paramref name="length"/> bytes.</summary>
    private static string TrailerBytes(int length)
    {
        const string Name = "X-Pad: ";
        var fields = new StringBuilder();
        while (length - fields.Length > 1024)
        {
            fields.Append(Name).Append('p', 1000 - Name.Length - 2).Append("\r\n");
        }

        var last = length - fields.Length - Name.Length - 2;
        return fields.Append(Name).Append('q', last).Append("\r\n").ToString();
    }

    private static string Fields(int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"X-{i}: v\r\n"));

    /// <summary>Advances the clock by <paramref name="step"/> until <paramref name="done"/>; returns the fake time that passed.</summary>
    private static async Task<TimeSpan> StepUntilAsync(FakeTimeProvider time, Func<bool> done, TimeSpan step, TimeSpan limit)
    {
        var waited = TimeSpan.Zero;
        while (waited <= limit)
        {
            for (var i = 0; i < 20 && !done(); i++)
            {
                await Task.Yield();
                await Task.Delay(5);
            }

            if (done())
            {
                return waited;
            }

            time.Advance(step);
            waited += step;
        }

        return waited;
    }
}
