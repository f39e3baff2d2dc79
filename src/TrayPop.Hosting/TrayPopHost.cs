using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using TrayPop.Intake;
using TrayPop.Intake.Http;
using TrayPop.Core.Pop;

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
        overrides?.Invoke(builder.Services);
        return builder.Build();
    }
}
