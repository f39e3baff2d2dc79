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
    public async Task ReadLine_WhenLineIsTooLong_ReportsItOnceAndGoesOn()
    {
        Assert.Equal(["ok", "<too long>", "next"], await ReadAllAsync("ok\n" + new string('x', 100) + "\nnext\n"));
    }

    [Fact]
    public async Task ReadLine_WhenLineIsExactlyTheLimit_ReadsIt()
    {
        var exact = new string('y', 16);
        Assert.Equal([exact], await ReadAllAsync(exact + "\n"));
    }
}
