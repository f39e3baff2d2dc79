using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Hosting.Cli;
using TrayPop.Hosting;
using TrayPop.Intake.Http;
using TrayPop.Testing;

namespace TrayPop.Intake.Tests.Http;

/// <summary>The listener: both loopback addresses, the connection limit, and a clear failure when the port is taken.</summary>
public sealed class HttpIntakeServerTests
{
    [Fact]
    public async Task Listens_OnIPv4Loopback_AndOnIPv6LoopbackWhereTheMachineHasIt()
    {
        await using var service = await RunningService.StartAsync();
        var endpoints = service.Services.GetRequiredService<HttpIntakeServer>().Endpoints;

        foreach (var address in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }.Where(a => endpoints.Any(e => e.Address.Equals(a))))
        {
            await using var connection = await RawHttpConnection.OpenAsync(service.Port, address);
            await connection.SendAsync($"GET /health HTTP/1.1\r\nHost: {(address.AddressFamily == AddressFamily.InterNetworkV6 ? "[::1]" : "127.0.0.1")}:{service.Port}\r\n\r\n");
            Assert.Equal(200, (await connection.ReadResponseAsync())!.Status);
        }

        Assert.Contains(endpoints, e => e.Address.Equals(IPAddress.Loopback) && e.Port == service.Port);
        Assert.Equal(LoopbackV6.Available, endpoints.Any(e => e.Address.Equals(IPAddress.IPv6Loopback) && e.Port == service.Port));
        Assert.All(endpoints, e => Assert.True(IPAddress.IsLoopback(e.Address)));
    }

    [Fact]
    public async Task PastSixtyFourConnections_ANewClientTakesTheLongestIdlesPlace_OrIsClosedWhenAllAreBusy()
    {
        await using var service = await RunningService.StartAsync();
        var open = new List<RawHttpConnection>();
        try
        {
            // Each sends half a request: busy (under the request timeout), so none can be closed to make room.
            for (var i = 0; i < HttpLimits.MaxConnections; i++)
            {
                var connection = await RawHttpConnection.OpenAsync(service.Port);
                open.Add(connection);
                await connection.SendAsync("GET /health HTTP/1.1\r\n");
            }

            // Proof that all 64 were taken in: the last of them is served.
            await open[^1].SendAsync($"Host: 127.0.0.1:{service.Port}\r\n\r\n");
            Assert.Equal(200, (await open[^1].ReadResponseAsync())!.Status);

            // The last is idle now (kept alive after its answer): a new client takes its place.
            var newcomer = await RawHttpConnection.OpenAsync(service.Port);
            open.Add(newcomer);
            await newcomer.SendAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{service.Port}\r\n\r\n");
            Assert.Equal(200, (await newcomer.ReadResponseAsync())!.Status);
            Assert.True(await open[^2].ClosesWithoutAnswerAsync());
            await newcomer.SendAsync("GET /health HTTP/1.1\r\n");
            // Until the server has read that half request the newcomer is idle, and would be the one closed for the next.
            var server = service.Services.GetRequiredService<HttpIntakeServer>();
            await Eventually.TrueAsync(() => server.IdleConnections == 0, "the newcomer's request has begun");

            // With every other connection busy, a further client is closed at once, as before.
            await using var refused = await RawHttpConnection.OpenAsync(service.Port);
            Assert.True(await refused.ClosesWithoutAnswerAsync());
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TakenPort_FailsTheStart_WithTheMessageThatNamesTheSetting()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        using var host = TrayPopHost.Build(
            ["--TrayPop:Dataverse:Url=http://127.0.0.1:9", "--TrayPop:Dataverse:Auth:Mode=None", $"--TrayPop:Listener:Port={port}", "--TrayPop:Listener:LinePort=0",
             $"--TrayPop:Logging:Directory={Path.Combine(Path.GetTempPath(), "traypop-tests", "logs")}"],
            TrayPopPlatform.Headless, console: false);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        using var message = new StringWriter();
        var exit = StartupErrors.Explain(failure, message);

        Assert.Equal(StartupErrors.BadConfiguration, exit);
        Assert.Contains($"127.0.0.1:{port}: address already in use", message.ToString(), StringComparison.Ordinal);
        Assert.Contains("TrayPop:Listener:Port", message.ToString(), StringComparison.Ordinal);
    }

    private static async Task<bool> TryHealthAsync(int port)
    {
        await using var connection = await RawHttpConnection.OpenAsync(port);
        await connection.SendAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
        return (await connection.ReadResponseAsync())?.Status == 200;
    }
}
