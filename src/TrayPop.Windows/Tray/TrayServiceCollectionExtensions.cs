using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrayPop.Core.Pop;
using TrayPop.Core.Tray;

namespace TrayPop.Windows.Tray;

internal static class TrayServiceCollectionExtensions
{
    /// <summary>The browser launcher alone: what a headless (--no-tray) run needs from Windows.</summary>
    public static IServiceCollection AddWindowsLauncher(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShellLauncher>();
        services.AddSingleton<ILauncher>(sp => sp.GetRequiredService<ShellLauncher>());
        return services;
    }

    /// <summary>The notification-area icon, its balloons and menu, and the launcher.</summary>
    public static IServiceCollection AddWindowsTray(this IServiceCollection services)
    {
        services.AddWindowsLauncher();
        services.TryAddSingleton<TrayStatus>();
        services.TryAddSingleton<RecentCalls>();
        services.TryAddSingleton<PendingNotification>();
        services.TryAddSingleton<TrayWindow>();
        services.TryAddSingleton<TrayCommandExecutor>();
        services.AddSingleton<INotifier, TrayNotifier>();
        services.AddHostedService<TrayHostedService>();
        return services;
    }
}
