using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrayPop.Core.Calls;
using TrayPop.Hosting;
using TrayPop.Testing;

namespace TrayPop.Hosting.Tests;

/// <summary>The service's start: what must be true before a softphone's first event can reach it.</summary>
public sealed class TrayPopHostTests
{
    [Fact]
    public async Task Start_OpensBothIntakesBeforeThePopPathIsBuilt()
    {
        var port = FreePort.Next();
        var linePort = FreePort.Next();
        using var buildingMayFinish = new ManualResetEventSlim();
        using var host = TrayPopHost.Build(
            [
                "--TrayPop:Dataverse:Url=http://127.0.0.1:9/", "--TrayPop:Dataverse:Auth:Mode=None",
                $"--TrayPop:Listener:Port={port}", $"--TrayPop:Listener:LinePort={linePort}",
                $"--TrayPop:Logging:Directory={Path.Combine(Path.GetTempPath(), "traypop-tests", "logs")}",
            ],
            TrayPopPlatform.Headless,
            console: false,
            overrides: services => services.AddSingleton<CallPipeline>(_ =>
            {
                // Held until both ports are shown to accept: if anything built the pipeline on the way to
                // listening, the start below could not finish.
                buildingMayFinish.Wait();
                throw new InvalidOperationException("the pipeline is not needed in this test");
            }));

        using var http = new TcpClient();
        using var line = new TcpClient();
        try
        {
            // Started off the test's thread, so a start that waits for the pipeline fails here after a minute (a guard
            // against hanging the run, not a timing assertion) instead of blocking the test for good.
            await Task.Run(() => host.StartAsync()).WaitAsync(TimeSpan.FromMinutes(1));
            await http.ConnectAsync(IPAddress.Loopback, port);
            await line.ConnectAsync(IPAddress.Loopback, linePort);
        }
        finally
        {
            buildingMayFinish.Set();
        }

        await host.Services.GetRequiredService<PopPathWarmup>().Warming;
        await host.StopAsync();
        Assert.True(http.Connected && line.Connected);
    }
}
