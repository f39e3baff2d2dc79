using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Core.Pop;
using TrayPop.Dataverse.Auth;
using TrayPop.Dataverse.Connectivity;

namespace TrayPop.Windows.Tray;

internal static class TrayServiceCollectionExtensions
{
    /// <summary>
    /// The notification-area icon with its balloons and menu, unless <c>TrayPop:Tray:Enabled</c> is false
    /// (<c>--no-tray</c>): then notifications go to the log and no icon appears. Pages open through the
    /// core's launcher, which on Windows is ShellExecute "open" behind the CRM-origin check. The icon follows
    /// <see cref="CrmStatus"/>, fed by a handler on the Dataverse client, and Check connection runs WhoAmI. The
    /// device-code sign-in's page and code appear as a balloon (stderr with <c>--no-tray</c>), and the tray's window is
    /// the parent of the Windows broker's sign-in dialog.
    /// </summary>
    public static IServiceCollection AddWindowsTray(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShellLauncher>();
        services.TryAddSingleton<TrayStatus>();
        services.TryAddSingleton<RecentCalls>();
        services.TryAddSingleton<PendingNotification>();
        services.TryAddSingleton<TrayWindow>();
        // The Windows broker (WAM) parents its sign-in dialog to the tray's window, looked up only when a sign-in needs it.
        services.TryAddSingleton<ISignInWindow>(provider => new TraySignInWindow(() => provider.GetRequiredService<TrayWindow>().Handle));
        services.TryAddSingleton<TrayCommandExecutor>();
        services.AddSingleton<IPopListener, RecentCallsListener>();
        services.AddSingleton<INotifier>(provider => IsTrayEnabled(provider)
            ? ActivatorUtilities.CreateInstance<TrayNotifier>(provider)
            : ActivatorUtilities.CreateInstance<LogNotifier>(provider));
        services.AddSingleton<IDeviceCodePrompt>(provider => IsTrayEnabled(provider)
            ? new TrayDeviceCodePrompt(provider.GetRequiredService<TrayWindow>)
            : new StandardErrorDeviceCodePrompt());
        services.AddHostedService<TrayHostedService>();
        return services;
    }

    public static bool IsTrayEnabled(IServiceProvider provider) =>
        provider.GetRequiredService<IConfiguration>().GetValue("TrayPop:Tray:Enabled", true);
}
