using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Journal;
using TrayPop.Dataverse.Journal;
using TrayPop.Hosting.Diagnostics;

namespace TrayPop.Hosting.Journal;

/// <summary>The journal's services; the outbox, its writer and its sender exist only when <c>TrayPop:Journal:Enabled</c>.</summary>
internal static class JournalServices
{
    public static IServiceCollection AddJournal(this IServiceCollection services)
    {
        services.AddOptions<JournalOptions>().BindConfiguration(JournalOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JournalOptions>, JournalOptionsValidator>();
        services.AddSingleton(provider => new JournalStatus { Enabled = Enabled(provider) });
        services.AddSingleton(provider => new JournalDecision(provider.GetRequiredService<IOptions<JournalOptions>>().Value));
        services.AddSingleton(provider =>
        {
            var path = provider.GetRequiredService<IOptions<JournalOptions>>().Value.OutboxPath;
            var outbox = new SqliteOutbox(path, provider.GetRequiredService<JournalStatus>(), provider.GetRequiredService<TimeProvider>());
            Log.JournalStarted(provider.GetRequiredService<ILoggerFactory>().CreateLogger("TrayPop.Journal"), path, outbox.Summary().Waiting);
            return outbox;
        });
        services.AddSingleton<IJournalOutbox>(provider => provider.GetRequiredService<SqliteOutbox>());
        services.AddSingleton<CallJournal>();
        services.AddSingleton<PhonecallWriter>();
        services.AddSingleton<JournalSender>();
        services.AddSingleton<ICallJournal>(provider => Enabled(provider) ? provider.GetRequiredService<CallJournal>() : NoJournal.Instance);
        services.AddSingleton<IHostedService>(provider => Enabled(provider) ? provider.GetRequiredService<JournalSender>() : NoJournal.Instance);
        return services;
    }

    private static bool Enabled(IServiceProvider provider) => provider.GetRequiredService<IOptions<JournalOptions>>().Value.Enabled;
}
