using System.Net;
using System.Net.Sockets;
using System.Text;
using TrayPop.Testing;

namespace TrayPop.Intake.Tests;

/// <summary>Invalid UTF-8 and lone surrogates: 400 or an error line, and the line connection carries on.</summary>
public sealed class IntakeEncodingTests : IAsyncLifetime
{
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    /// <summary>Events whose text is not valid UTF-8: a Latin-1 name, a stray continuation byte, escaped lone surrogates.</summary>
    public static TheoryData<byte[]> BadEvents =>
    [
        [.. "{\"number\":\"+14255550101\",\"name\":\"Jos"u8, 0xE9, .. "\"}"u8],
        [.. "{\"number\":\"+1425555"u8, 0x80, .. "0101\"}"u8],
        "{\"number\":\"+14255550101\",\"name\":\"\\ud800\"}"u8.ToArray(),
        "{\"number\":\"+14255550101\",\"callId\":\"\\udc00x\"}"u8.ToArray(),
        "{\"number\":\"\\ud83d+14255550101\"}"u8.ToArray(),
    ];

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task Http_BadText_Is400(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        using var response = await _service.Http.PostAsync(new Uri("/call", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_service.Launcher.Opened);
    }

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task Line_BadText_GetsAnErrorLine_AndTheNextLineIsServed(byte[] bad)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _service.LinePort);
        var stream = client.GetStream();
        await stream.WriteAsync((byte[])[.. "{\"number\":\"+14255550101\",\"callId\":\"a\"}\n"u8, .. bad, (byte)'\n', .. "{\"number\":\"+14255550101\",\"callId\":\"b\"}\n"u8]);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var first = await reader.ReadLineAsync();
        var refused = await reader.ReadLineAsync();
        var next = await reader.ReadLineAsync();

        Assert.Contains("\"status\":\"opened\"", first, StringComparison.Ordinal);
        Assert.StartsWith("{\"error\":", refused, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"opened\"", next, StringComparison.Ordinal);
        Assert.Equal(2, _service.Launcher.Opened.Count);
    }

    [Fact]
    public async Task Line_BadTextOnTheFirstLine_IsAnErrorLineToo_NotAClose()
    {
        var replies = await LineClient.SendAsync(_service.LinePort, "{\"number\":\"+14255550101\",\"name\":\"\\ud800\"}\n{\"number\":\"+14255550101\"}\n", 2);

        Assert.Contains("not valid UTF-8", replies[0], StringComparison.Ordinal);
        Assert.Contains("\"status\":\"opened\"", replies[1], StringComparison.Ordinal);
    }
}
