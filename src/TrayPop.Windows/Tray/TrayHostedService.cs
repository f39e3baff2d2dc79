using Microsoft.Extensions.Hosting;
using TrayPop.Core.Calls;
using TrayPop.Core.Tray;

namespace TrayPop.Windows.Tray;

/// <summary>
/// Runs the tray for the host's lifetime: its message-loop thread starts and ends with the host, and
/// Exit in its menu stops the host. Does nothing when the tray is switched off (<c>--no-tray</c>).
/// </summary>
internal sealed class TrayHostedService(
    IServiceProvider provider,
    TrayWindow tray,
    TrayStatus status,
    PopSwitch popSwitch,
    RecentCalls recent,
    PendingNotification pending,
    TrayCommandExecutor executor,
    TimeProvider time) : IHostedService
{
    private bool running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!TrayServiceCollectionExtensions.IsTrayEnabled(provider))
        {
            return Task.CompletedTask;
        }

        running = true;
        status.SetPaused(popSwitch.Paused);
        tray.MenuSource = () => TrayMenuModel.Build(status.State, status.IsPaused, recent.Snapshot(), time.LocalTimeZone);
        tray.Interaction += OnInteraction;
        tray.CommandChosen += executor.Execute;
        popSwitch.Changed += OnPauseChanged;
        status.Changed += OnStatusChanged;
        return tray.StartAsync(TrayAppearance.For(status.State)).WaitAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!running)
        {
            return;
        }

        status.Changed -= OnStatusChanged;
        popSwitch.Changed -= OnPauseChanged;
        tray.CommandChosen -= executor.Execute;
        tray.Interaction -= OnInteraction;
        await tray.StopAsync().WaitAsync(cancellationToken);
    }

    private void OnInteraction(TrayInteraction interaction)
    {
        if (pending.Resolve(interaction) is { } command)
        {
            executor.Execute(command);
        }
    }

    private void OnPauseChanged(object? sender, EventArgs e) => status.SetPaused(popSwitch.Paused);

    private void OnStatusChanged(object? sender, EventArgs e) => tray.SetAppearance(TrayAppearance.For(status.State));
}
