using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrayPop.Hosting;
using TrayPop.Hosting.Cli;
using TrayPop.Testing;

namespace TrayPop.Hosting.Tests;

/// <summary>How a run ends: a background service that fails stops the host with an exit code a supervisor can see.</summary>
public sealed class TrayPopHostRunTests
{
    [Fact]
    public async Task Run_WhenABackgroundServiceFails_StopsWithExitCode5()
    {
        using var host = Build(services => services.AddHostedService<FailingService>());

        var exit = await TrayPopHost.RunAsync(host, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(StartupErrors.ServiceFailed, exit);
        Assert.Equal(5, StartupErrors.ServiceFailed);
    }

    [Fact]
    public async Task Run_WhenAskedToStop_ExitsWith0()
    {
        using var host = Build(_ => { });
        using var stop = new CancellationTokenSource();

        var run = TrayPopHost.RunAsync(host, stop.Token);
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    private static IHost Build(Action<IServiceCollection> overrides) =>
        TrayPopHost.Build(
            [
                "--TrayPop:Dataverse:Url=http://127.0.0.1:9/", "--TrayPop:Dataverse:Auth:Mode=None",
                $"--TrayPop:Listener:Port={FreePort.Next()}", "--TrayPop:Listener:LinePort=0",
                $"--TrayPop:Logging:Directory={Path.Combine(Path.GetTempPath(), "traypop-tests", "logs")}",
            ],
            TrayPopPlatform.Headless,
            console: false,
            overrides: overrides);

    /// <summary>Fails once running, as an accept loop that met an error it did not expect would.</summary>
    private sealed class FailingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the service failed");
        }
    }
}
