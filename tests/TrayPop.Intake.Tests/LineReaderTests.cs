using System.Text;
using TrayPop.Intake;

namespace TrayPop.Intake.Tests;

public class LineReaderTests
{
    private static async Task<List<string>> ReadAllAsync(string input, int max = 16)
    {
        var reader = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes(input)), max);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line.TooLong ? "<too long>" : Encoding.UTF8.GetString(line.Bytes.Span));
        }

        return lines;
    }

    [Fact]
    public async Task ReadLine_SplitsOnNewlinesAndDropsCarriageReturns()
    {
        Assert.Equal(["a", "bc", "d"], await ReadAllAsync("a\r\nbc\nd\n"));
    }

    [Fact]
    public async Task ReadLine_SkipsEmptyLines()
    {
        Assert.Equal(["a", "b"], await ReadAllAsync("\n\na\n\r\nb\n"));
    }

    [Fact]
    public async Task ReadLine_ReturnsALastLineWithoutNewline()
    {
        Assert.Equal(["a", "last"], await ReadAllAsync("a\nlast"));
    }

    [Fact]
    public async Task ReadLine_WhenLineIsTooLong_ReportsItWithoutWaitingForItsEnd()
    {
        var reader = new LineReader(new EndlessStream((byte)'x'), 16);

        Assert.True((await reader.ReadLineAsync(CancellationToken.None))!.Value.TooLong);
    }

    [Fact]
    public async Task ReadLine_ArmsTheIdleTimeoutBeforeALineAndTheReadTimeoutInsideOne()
    {
        using var timer = new CancellationTokenSource();
        var idle = new List<bool>();
        var pipe = new System.IO.Pipelines.Pipe();
        var reader = new LineReader(pipe.Reader.AsStream(), 16, new LineTimeouts(timer, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30), idle.Add));

        var read = reader.ReadLineAsync(timer.Token);
        await pipe.Writer.WriteAsync("ab"u8.ToArray());
        await Eventually.TrueAsync(() => idle.Count == 2, "the second read");

        Assert.Equal([true, false], idle);
        timer.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
    }

    [Fact]
    public async Task ReadLine_WhenLineIsOneByteOverTheLimit_IsTooLong()
    {
        var reader = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes("ok\n" + new string('x', 17) + "\nnext\n")), 16);

        Assert.False((await reader.ReadLineAsync(CancellationToken.None))!.Value.TooLong);
        Assert.True((await reader.ReadLineAsync(CancellationToken.None))!.Value.TooLong);
    }

    [Fact]
    public async Task ReadLine_WhenLineIsExactlyTheLimit_ReadsIt()
    {
        var exact = new string('y', 16);
        Assert.Equal([exact], await ReadAllAsync(exact + "\n"));
    }
}

/// <summary>A stream that never ends: what a client that sends a line without a newline looks like.</summary>
internal sealed class EndlessStream(byte fill) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        buffer.AsSpan(offset, count).Fill(fill);
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
