using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrayPop.Core.Dataverse.Auth;
using TrayPop.Core.Intake;

namespace TrayPop.Core.Dataverse;

/// <summary>The one typed Dataverse <see cref="HttpClient"/>: sign-in in a handler, resilience added once.</summary>
internal static class DataverseClientRegistration
{
    public static IServiceCollection AddDataverseClient(this IServiceCollection services)
    {
        services.AddSingleton<IAccessTokenSource, ConfiguredTokenSource>();
        services.AddTransient<BearerTokenHandler>();
        services.AddHttpClient<DataverseClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<DataverseOptions>>().Value;
                http.BaseAddress = options.ApiUri;
                http.DefaultRequestHeaders.UserAgent.ParseAdd($"TrayPop/{HealthReport.Version}");
            })
            // The client lives as long as the pipeline that holds it: recycle connections instead of handlers, so DNS changes are still seen.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<BearerTokenHandler>()
            .AddStandardResilienceHandler();
        return services;
    }
}
