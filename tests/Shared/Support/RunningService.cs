using DataverseEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Hosting;
using TrayPop.Core.Pop;
using TrayPop.Testing;

namespace TrayPop.Testing;

/// <summary>
/// The real service (HTTP intake on loopback, line protocol, pipeline, Dataverse client) against the
/// emulator over a real socket; only the browser and the notification area are recorded instead of shown.
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    private readonly IHost _app;
    private FakeTimeProvider? _time;

    private RunningService(IHost app, EmulatorServer crm, int port, int linePort, RecordingLauncher launcher, RecordingNotifier notifier)
    {
        _app = app;
        Crm = crm;
        Port = port;
        LinePort = linePort;
        Launcher = launcher;
        Notifier = notifier;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public EmulatorServer Crm { get; }

    public int Port { get; }

    public int LinePort { get; }

    public RecordingLauncher Launcher { get; }

    public RecordingNotifier Notifier { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningService> StartAsync(
        IEnumerable<string>? settings = null, FakeTimeProvider? time = null, EmulatorSeed? seed = null,
        Action<IServiceCollection>? services = null, EmulatorSettings? crmSettings = null)
    {
        var crm = await EmulatorServer.StartAsync(seed ?? TestSeed.Create(), crmSettings);
        var port = FreePort.Next();
        var linePort = FreePort.Next();
        var launcher = new RecordingLauncher();
        var notifier = new RecordingNotifier();
        List<string> all =
        [
            $"--TrayPop:Dataverse:Url={crm.BaseUri.AbsoluteUri.TrimEnd('/')}",
            "--TrayPop:Dataverse:Auth:Mode=None",
            $"--TrayPop:Listener:Port={port}",
            $"--TrayPop:Listener:LinePort={linePort}",
            $"--TrayPop:Logging:Directory={Path.Combine(Path.GetTempPath(), "traypop-tests", "logs")}",
            "--TrayPop:Phone:DefaultRegion=US",
            .. settings ?? [],
        ];
        var app = TrayPopHost.Build(all, TrayPopPlatform.Headless, console: false, overrides: overrides =>
        {
            services?.Invoke(overrides);
            overrides.AddSingleton<ILauncher>(launcher);
            overrides.AddSingleton<INotifier>(notifier);
            if (time is not null)
            {
                overrides.AddSingleton<TimeProvider>(time);
            }
        });
        await app.StartAsync();
        // Ready means the warm-up has asked its questions (the lookup strategy): counters start from the first call.
        await app.Services.GetRequiredService<PopPathWarmup>().Warming;
        crm.ResetCounters();
        return new RunningService(app, crm, port, linePort, launcher, notifier) { _time = time };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        // A lookup still running at stop (one started on ring, say) is waited for by the resilience pipeline's own
        // clean-up, whose time-out runs on the injected clock: on a fake clock, keep it moving until the host is gone.
        var stopped = StopAndDisposeAsync();
        for (var step = 0; _time is not null && step < 120 && !stopped.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(stopped, Task.Delay(10));
        }

        await stopped;
        await Crm.DisposeAsync();
    }

    private async Task StopAndDisposeAsync()
    {
        await _app.StopAsync();
        // Disposing may wait on the same clock: off this thread, so the loop above can move it.
        await Task.Run(_app.Dispose);
    }
}
