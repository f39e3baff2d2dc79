using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;
using TrayPop.Core.Intake;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Hosting;

/// <summary>Builds the running service: Generic Host with Kestrel on loopback for the HTTP intake, the line protocol, the pipeline.</summary>
public static class TrayPopHost
{
    public static WebApplication Build(IReadOnlyList<string> commandLine, TrayPopPlatform platform, bool console = true, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddTrayPopSources(commandLine, platform);

        builder.Services.AddSerilog((_, logger) => LogSetup.Configure(logger, builder.Configuration, console));
        platform.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddTrayPopCore();
        var trayShown = platform.HasTray && builder.Configuration.GetValue("TrayPop:Tray:Enabled", true);
        builder.Services.SetUnknownCallerDefault(trayShown ? UnknownCallerAction.Notify : UnknownCallerAction.NewContactForm);
        builder.Services.AddSingleton<LineIntakeService>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<LineIntakeService>());
        builder.Services.PostConfigure<ListenerOptions>(listener => listener.SessionId = platform.SessionId);
        overrides?.Invoke(builder.Services);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The same options the intake guard and /health read: this session's port unless one is configured.
            var listener = kestrel.ApplicationServices.GetRequiredService<IOptions<ListenerOptions>>().Value;
            // Loopback only, whatever is configured: nothing off this machine may drive pops.
            kestrel.Listen(IPAddress.Loopback, listener.Port);
            if (LoopbackV6Available())
            {
                kestrel.Listen(IPAddress.IPv6Loopback, listener.Port);
            }

            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = HttpIntake.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxConcurrentConnections = 64;
        });

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrayPopHost));
            foreach (var address in app.Urls)
            {
                Diagnostics.Log.Listening(logger, address + " (HTTP intake)");
            }
        });
        app.UseMiddleware<IntakeGuard>();
        app.MapCallIntake();
        return app;
    }

    private static bool LoopbackV6Available()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return false;
        }

        try
        {
            using var probe = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
