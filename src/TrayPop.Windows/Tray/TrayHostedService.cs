using Microsoft.Extensions.Hosting;
using TrayPop.Core.Tray;

namespace TrayPop.Windows.Tray;

/// <summary>Runs the tray for the host's lifetime: its message-loop thread starts and ends with the host.</summary>
internal sealed class TrayHostedService(
    TrayWindow tray,
    TrayStatus status,
    RecentCalls recent,
    PendingNotification pending,
    TrayCommandExecutor executor,
    TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        tray.MenuSource = () => TrayMenuModel.Build(status.State, status.IsPaused, recent.Snapshot(), time.LocalTimeZone);
        tray.Interaction += OnInteraction;
        tray.CommandChosen += executor.Execute;
        status.Changed += OnStatusChanged;
        return tray.StartAsync(TrayAppearance.For(status.State)).WaitAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        status.Changed -= OnStatusChanged;
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

    private void OnStatusChanged(object? sender, EventArgs e) => tray.SetAppearance(TrayAppearance.For(status.State));
}
