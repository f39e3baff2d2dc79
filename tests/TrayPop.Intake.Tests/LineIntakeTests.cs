using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Testing;

namespace TrayPop.Intake.Tests;

public sealed class LineIntakeTests : IAsyncLifetime
{
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<List<JsonElement>> SendAsync(string lines, int replies) =>
        [.. (await LineClient.SendAsync(_service.LinePort, lines, replies)).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    [Fact]
    public async Task Line_KnownNumber_OpensRecordAndRepliesOneLine()
    {
        var replies = await SendAsync("{\"number\":\"+14255550101\",\"type\":\"inbound\"}\n", 1);

        Assert.Equal("opened", replies[0].GetProperty("status").GetString());
        Assert.Contains(TestSeed.JaneId, _service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_ListensOnIPv6LoopbackToo_WhereTheMachineHasIt()
    {
        var endpoints = _service.Services.GetRequiredService<LineIntakeService>().Endpoints;

        Assert.Contains(endpoints, e => e.Address.Equals(IPAddress.Loopback) && e.Port == _service.LinePort);
        Assert.Equal(LoopbackV6.Available, endpoints.Any(e => e.Address.Equals(IPAddress.IPv6Loopback) && e.Port == _service.LinePort));
        if (LoopbackV6.Available)
        {
            using var client = new TcpClient(AddressFamily.InterNetworkV6);
            await client.ConnectAsync(IPAddress.IPv6Loopback, _service.LinePort);
            await client.GetStream().WriteAsync("{\"number\":\"+14255550101\"}\n"u8.ToArray());
            using var reader = new StreamReader(client.GetStream());
            Assert.Contains("\"status\":\"opened\"", await reader.ReadLineAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Line_BadLinesAfterTheFirst_GetErrorLinesAndTheConnectionKeepsServing()
    {
        var lines = "{\"number\":\"+14255550101\",\"callId\":\"first\"}\nnot json\n{\"type\":\"inbound\"}\n{\"number\":\"+14255550101\"}\n";

        var replies = await SendAsync(lines, 4);

        Assert.Equal("opened", replies[0].GetProperty("status").GetString());
        Assert.Contains("not valid JSON", replies[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("number is required", replies[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("opened", replies[3].GetProperty("status").GetString());
        Assert.Equal(2, _service.Launcher.Opened.Count);
    }

    [Fact]
    public async Task Line_LongerThanTheLimit_GetsAnErrorLineAndTheConnectionIsClosed()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _service.LinePort);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes("{\"number\":\"+14255550101\"}\n" + new string('x', 5000)));
        using var reader = new StreamReader(stream, Encoding.UTF8);

        Assert.Equal("opened", JsonDocument.Parse((await reader.ReadLineAsync())!).RootElement.GetProperty("status").GetString());
        Assert.Contains("longer than 4096 bytes", await reader.ReadLineAsync(), StringComparison.Ordinal);
        Assert.Null(await reader.ReadLineAsync());
    }

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 27\r\n\r\n{\"number\":\"+14255550101\"}\n")]
    [InlineData("GET /call?number=%2B14255550101 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n{\"number\":\"+14255550101\"}\n")]
    [InlineData("number=%2B14255550101\n{\"number\":\"+14255550101\"}\n")]
    [InlineData("not json\n{\"number\":\"+14255550101\"}\n")]
    [InlineData("[{\"number\":\"+14255550101\"}]\n{\"number\":\"+14255550101\"}\n")]
    public async Task Line_FirstLineNotAJsonObject_ClosesTheConnectionAndNothingAfterItPops(string traffic)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _service.LinePort);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(traffic));
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var reply = await reader.ReadLineAsync();
        var after = await reader.ReadToEndAsync();

        Assert.Contains("line protocol only", JsonDocument.Parse(reply!).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("", after);
        Assert.Empty(_service.Launcher.Opened);
        Assert.Equal(0, _service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Line_FirstLineTooLong_ClosesTheConnection()
    {
        var replies = await LineClient.SendAsync(_service.LinePort, new string('{', 5000) + "\n{\"number\":\"+14255550101\"}\n", 2);

        Assert.Contains("line protocol only", replies[0], StringComparison.Ordinal);
        Assert.Equal("", replies[1]);
        Assert.Empty(_service.Launcher.Opened);
    }
}
