using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using TrayPop.Intake;
using TrayPop.Intake.Http;
using TrayPop.Core.Pop;
using TrayPop.Hosting.Cli;

namespace TrayPop.Hosting;

/// <summary>Builds the running service: a Generic Host with the HTTP intake on loopback, the line protocol, the pipeline.</summary>
internal static class TrayPopHost
{
    public static IHost Build(IReadOnlyList<string> commandLine, TrayPopPlatform platform, bool console = true, Action<IServiceCollection>? overrides = null)
    {
        // No defaults: configuration comes only from TrayPop's own sources, logging only from Serilog.
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddTrayPopSources(commandLine, platform);

        builder.Services.AddSerilog((_, logger) => LogSetup.Configure(logger, builder.Configuration, console));
        platform.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddTrayPopCore();
        var trayShown = platform.HasTray && builder.Configuration.GetValue("TrayPop:Tray:Enabled", true);
        builder.Services.SetUnknownCallerDefault(trayShown ? UnknownCallerAction.Notify : UnknownCallerAction.NewContactForm);
        builder.Services.AddSingleton<IntakeGuard>();
        builder.Services.AddSingleton<HttpIntake>();
        builder.Services.AddSingleton<IntakeRouter>();
        builder.Services.AddSingleton<IHttpHandler>(provider => provider.GetRequiredService<IntakeRouter>());
        builder.Services.AddSingleton<HttpIntakeServer>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<HttpIntakeServer>());
        builder.Services.AddSingleton<LineIntakeService>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<LineIntakeService>());
        builder.Services.PostConfigure<ListenerOptions>(listener => listener.SessionId = platform.SessionId);
        // A service that fails stops the host (as the default is), and RunAsync turns that into a non-zero exit code.
        builder.Services.Configure<HostOptions>(host => host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        overrides?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// Runs <paramref name="host"/> until it stops: 0 when it was asked to, <see cref="StartupErrors.ServiceFailed"/> when a
    /// background service failed and so stopped it (the host itself would return normally, telling a supervisor all is well).
    /// </summary>
    public static async Task<int> RunAsync(IHost host, CancellationToken cancellationToken)
    {
        // Started first, so a bad setting fails where the start reports it (ValidateOnStart), not while resolving services.
        await host.StartAsync(cancellationToken);
        var services = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        await host.WaitForShutdownAsync(cancellationToken);
        return services.Any(service => service.ExecuteTask is { IsFaulted: true }) ? StartupErrors.ServiceFailed : 0;
    }
}
