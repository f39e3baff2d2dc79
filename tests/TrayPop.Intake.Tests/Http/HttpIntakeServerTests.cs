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
    public async Task PastSixtyFourConnections_FurtherOnesAreClosed_UntilOneEnds()
    {
        await using var service = await RunningService.StartAsync();
        var open = new List<RawHttpConnection>();
        try
        {
            for (var i = 0; i < HttpLimits.MaxConnections; i++)
            {
                open.Add(await RawHttpConnection.OpenAsync(service.Port));
            }

            // Proof that all 64 were taken in: the last of them is served.
            await open[^1].SendAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{service.Port}\r\n\r\n");
            Assert.Equal(200, (await open[^1].ReadResponseAsync())!.Status);

            await using (var refused = await RawHttpConnection.OpenAsync(service.Port))
            {
                Assert.True(await refused.ClosesWithoutAnswerAsync());
            }

            await open[0].DisposeAsync();
            open.RemoveAt(0);
            // The server notices the end asynchronously; until then a new connection is still refused.
            for (var attempt = 0; !await TryHealthAsync(service.Port); attempt++)
            {
                Assert.True(attempt < 500, "a connection should be served again once one has ended");
            }
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
