using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrayPop.Core.Connectivity;

namespace TrayPop.Dataverse.Connectivity;

/// <summary>Registers <see cref="CrmStatus"/>, its handler on the Dataverse client, and the one connection check.</summary>
internal static class CrmStatusRegistration
{
    public static IServiceCollection AddCrmStatus(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CrmStatus>();
        services.TryAddTransient<CrmStatusHandler>();
        services.TryAddSingleton<IConnectionCheck, ConnectionCheck>();
        services.TryAddSingleton<SignInReport>();
        // First in the chain whatever registers the client's other handlers later: it must see final answers, not each retry.
        services.AddHttpClient(nameof(DataverseClient))
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) => handlers.Insert(0, provider.GetRequiredService<CrmStatusHandler>()));
        return services;
    }
}
