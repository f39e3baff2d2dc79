using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrayPop.Core.Calls;
using TrayPop.Dataverse;
using TrayPop.Core.Diagnostics;
using TrayPop.Intake;
using TrayPop.Intake.Listening;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;
using TrayPop.Dataverse.Lookup;
using TrayPop.Hosting.Journal;
using TrayPop.Hosting.Launching;

namespace TrayPop.Hosting;

/// <summary>The composition root of everything platform-neutral; platforms add their launcher, notifier and tray on top.</summary>
internal static class TrayPopServices
{
    public static IServiceCollection AddTrayPopCore(this IServiceCollection services)
    {
        services.AddOptions<DataverseOptions>().BindConfiguration(DataverseOptions.Section).ValidateOnStart();
        services.AddOptions<PhoneOptions>().BindConfiguration(PhoneOptions.Section).ValidateOnStart();
        services.AddOptions<LookupOptions>().BindConfiguration(LookupOptions.Section).ValidateOnStart();
        services.AddOptions<PopOptions>().BindConfiguration(PopOptions.Section).ValidateOnStart();
        services.AddOptions<BrowserOptions>().BindConfiguration(BrowserOptions.Section);
        services.AddOptions<ListenerOptions>().BindConfiguration(ListenerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataverseOptions>, DataverseOptionsValidator>();
        services.AddSingleton<IValidateOptions<LookupOptions>, LookupOptionsValidator>();
        services.AddSingleton<IValidateOptions<PopOptions>, PopOptionsValidator>();
        services.AddSingleton<IValidateOptions<ListenerOptions>, ListenerOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new LogPrivacy(provider.GetRequiredService<IConfiguration>().GetValue("TrayPop:Logging:ShowNumbers", false)));
        services.AddSingleton(provider =>
        {
            var dataverse = provider.GetRequiredService<IOptions<DataverseOptions>>().Value;
            return new CrmSite(dataverse.OrganisationUri, dataverse.AppId);
        });
        services.AddSingleton<CallerIdParser>();
        services.AddSingleton<StoredNumberMatcher>();

        services.AddDataverseClient();

        services.AddSingleton<PhoneLookup>();
        services.AddSingleton<KeyLookup>();
        services.AddSingleton<StrategyLookup>();
        services.AddSingleton<TableSizes>();
        services.AddSingleton<ICallerLookup>(provider => provider.GetRequiredService<StrategyLookup>());
        services.AddSingleton<ILookupStrategyState>(provider => provider.GetRequiredService<StrategyLookup>());
        services.AddSingleton<CrmUrlPolicy>();
        services.AddSingleton<CrmUrlBuilder>();
        services.AddSingleton<PopDecider>();
        services.TryAddSingleton<ILauncher, BrowserLauncher>();
        // Headless, the device-code sign-in's page and code go to stderr; a platform with a tray registers its own.
        services.TryAddSingleton<TrayPop.Dataverse.Connectivity.IDeviceCodePrompt, TrayPop.Dataverse.Connectivity.StandardErrorDeviceCodePrompt>();
        services.AddSingleton<CrmLauncher>();
        services.TryAddSingleton<INotifier, LogNotifier>();

        services.AddSingleton<PopSwitch>();
        services.AddSingleton<CallTracker>();
        services.AddSingleton<PopRateLimiter>();
        services.AddSingleton(provider => new LookupBudget(
            provider.GetRequiredService<IOptions<ListenerOptions>>().Value.MaxLookupsPerSecond, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<EventHistory>();
        services.AddSingleton<CallPipeline>();
        // The intakes take the pipeline when the first event comes, so their ports open before it is built.
        // PublicationOnly: a failed construction is not cached, and the container still makes one pipeline.
        services.AddSingleton(provider => new Lazy<CallPipeline>(provider.GetRequiredService<CallPipeline>, LazyThreadSafetyMode.PublicationOnly));
        services.AddSingleton<PopPathWarmup>();
        services.AddHostedService(provider => provider.GetRequiredService<PopPathWarmup>());
        services.AddSingleton<HealthReport>();
        services.AddSingleton<ListenerSecret>();
        services.AddSingleton<RefusalLog>();
        // Windows registers its own (the TCP table's owning process and its token user) before this.
        services.TryAddSingleton<IPeerOwners>(_ => OperatingSystem.IsLinux() ? ProcNetTcpOwners.ForThisProcess() : new UnknownPeerOwners());
        services.AddSingleton<SameUserGuard>();
        services.AddJournal();
        return services;
    }

    /// <summary>Unknown callers: the platform's default unless the configuration says otherwise.</summary>
    public static IServiceCollection SetUnknownCallerDefault(this IServiceCollection services, UnknownCallerAction action) =>
        services.PostConfigure<PopOptions>(options => options.UnknownCaller ??= action);
}
