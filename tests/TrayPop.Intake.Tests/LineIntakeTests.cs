using System.Net;
using System.Net.Sockets;
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

        Assert.Equal("popped", replies[0].GetProperty("status").GetString());
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
            Assert.Contains("\"status\":\"popped\"", await reader.ReadLineAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Line_BadLines_GetErrorLinesAndTheConnectionKeepsServing()
    {
        var lines = "not json\n" + new string('x', 5000) + "\n{\"type\":\"inbound\"}\n{\"number\":\"+14255550101\"}\n";

        var replies = await SendAsync(lines, 4);

        Assert.Contains("not valid JSON", replies[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("longer than 4096 bytes", replies[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("number is required", replies[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("popped", replies[3].GetProperty("status").GetString());
        Assert.Single(_service.Launcher.Opened);
    }
}
