using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrayPop.Dataverse.Index;

/// <summary>The indexer's services, added only by <c>traypop index</c>: agents never build them.</summary>
internal static class IndexRegistration
{
    public static IServiceCollection AddPhoneKeyIndex(this IServiceCollection services)
    {
        services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IndexOptions>, IndexOptionsValidator>();
        services.AddSingleton<RecordKeyer>();
        services.AddSingleton<KeyWriter>();
        services.AddSingleton<IndexSync>();
        services.AddSingleton<IndexSetup>();
        return services;
    }
}
