using DataverseEmulator.Auth;
using DataverseEmulator.Batch;
using DataverseEmulator.Diagnostics;
using DataverseEmulator.Faults;
using DataverseEmulator.Pages;
using DataverseEmulator.Stats;
using DataverseEmulator.Store;
using DataverseEmulator.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataverseEmulator.Hosting;

/// <summary>Composes the emulator's web application: one slim host, endpoints wired to plain objects.</summary>
internal static class EmulatorApplication
{
    public const string DefaultUrl = "http://127.0.0.1:0";

    public const string DefaultHttpsUrl = "https://127.0.0.1:0";

    public static WebApplication Build(EntityStore store, EmulatorSeed seed, EmulatorSettings settings, EmulatorAuth auth, EmulatorFaults faults, RequestLog log)
    {
        // Tests start many emulators: skip config file watchers, and keep ASP.NET Core's logging quiet.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(settings.Url ?? (settings.Certificate is null ? DefaultUrl : DefaultHttpsUrl));
        if (settings.Certificate is { } certificate)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }
        builder.Logging.SetMinimumLevel(settings.LogLevel);
        builder.Logging.AddFilter("Microsoft", settings.LogLevel < LogLevel.Information ? LogLevel.Information : settings.LogLevel);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        if (!string.IsNullOrEmpty(settings.OrganizationName))
        {
            app.UsePathBase("/" + settings.OrganizationName.Trim('/'));
        }

        app.UseRouting();

        var dispatcher = new ApiDispatcher(store, settings);
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DataverseEmulator");
        var faultResponder = new FaultResponder(faults, settings.TimeProvider, logger, stopping);
        var api = new ApiEndpoint(dispatcher, new BatchHandler(dispatcher, faultResponder), faultResponder, auth, log, store.Context.Stats, settings, logger);
        var pages = new MainAspxEndpoint(store);
        var token = new TokenEndpoint(auth, settings.TimeProvider);

        app.Map("/api/data/{version}/{**rest}", api.HandleAsync);
        app.MapMethods("/main.aspx", ["GET"], pages.HandleAsync);
        app.MapMethods("/{tenant}/oauth2/v2.0/token", ["POST"], token.HandleAsync);
        app.MapMethods("/{tenant}/v2.0/.well-known/openid-configuration", ["GET"], TokenEndpoint.HandleDiscoveryAsync);
        ControlEndpoints.Map(app, faults, log);
        StatsEndpoints.Map(app, store.Context.Stats, seed);
        app.MapMethods("/", ["GET"], IndexPage.HandleAsync);
        return app;
    }
}
