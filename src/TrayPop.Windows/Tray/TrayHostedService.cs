using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Core.Journal;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows.Tray;

/// <summary>
/// Runs the tray for the host's lifetime: its message-loop thread starts and ends with the host, and
/// Exit in its menu stops the host. The icon follows <see cref="CrmStatus"/> (every Dataverse answer) and
/// the agent's Pause; one WhoAmI at start tells the agent at once when sign-in or the CRM is broken.
/// Nothing polls: an idle TrayPop waits on its message loop and sockets. Does nothing with <c>--no-tray</c>.
/// </summary>
internal sealed class TrayHostedService(
    IServiceProvider provider,
    TrayWindow tray,
    TrayStatus status,
    CrmStatus crm,
    PopSwitch popSwitch,
    RecentCalls recent,
    PendingNotification pending,
    TrayCommandExecutor executor,
    IConnectionCheck connectionCheck,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TrayHostedService> logger,
    JournalStatus? journal = null) : IHostedService
{
    /// <summary>A script starting TrayPop in a loop gets one balloon per this, not a stack of them.</summary>
    private static readonly TimeSpan AnnounceAtMostEvery = TimeSpan.FromSeconds(2);

    private bool running;
    private long lastAnnounced;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!TrayServiceCollectionExtensions.IsTrayEnabled(provider))
        {
            return;
        }

        running = true;
        tray.MenuSource = () => TrayMenuModel.Build(status.State, status.IsPaused, recent.Snapshot(), time.LocalTimeZone, journal is null ? null : journal.IsLogged);
        tray.Interaction += OnInteraction;
        tray.CommandChosen += executor.Execute;
        tray.StartedAgain += OnStartedAgain;
        // Subscribe first, then read: a change in between is applied twice rather than lost.
        popSwitch.Changed += OnPauseChanged;
        crm.Changed += OnCrmChanged;
        status.Changed += OnStatusChanged;
        if (journal is not null)
        {
            journal.Changed += OnStatusChanged;
        }

        status.SetPaused(popSwitch.Paused);
        status.SetCrm(crm.State);
        await tray.StartAsync(Appearance()).WaitAsync(cancellationToken);
        _ = Task.Run(() => CheckAtStartAsync(lifetime.ApplicationStopping), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!running)
        {
            return;
        }

        status.Changed -= OnStatusChanged;
        crm.Changed -= OnCrmChanged;
        popSwitch.Changed -= OnPauseChanged;
        tray.StartedAgain -= OnStartedAgain;
        tray.CommandChosen -= executor.Execute;
        tray.Interaction -= OnInteraction;
        await tray.StopAsync().WaitAsync(cancellationToken);
    }

    private async Task CheckAtStartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Signs in now (an interactive sign-in at logon, not at the first call) and sets the icon.
            var result = await connectionCheck.CheckAsync(TimeSpan.Zero, cancellationToken);
            Log.StartupCheck(logger, result.State);
            if (result.State != CrmState.Reachable)
            {
                tray.ShowBalloon("TrayPop", result.Sentence);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.TrayError(logger, ex);
        }
    }

    private void OnInteraction(TrayInteraction interaction)
    {
        if (pending.Resolve(interaction) is not { } command)
        {
            return;
        }

        if (command is { Kind: TrayCommandKind.Choose, Menu: { } menu })
        {
            // Several records match: the agent picks one from a menu; the item chosen comes back through CommandChosen.
            tray.ShowMenu(menu);
            return;
        }

        executor.Execute(command);
    }

    private void OnStartedAgain()
    {
        var now = time.GetTimestamp();
        if (lastAnnounced != 0 && time.GetElapsedTime(lastAnnounced, now) < AnnounceAtMostEvery)
        {
            return;
        }

        lastAnnounced = now;
        var announcement = SecondStart.Announcement(status.State);
        // Straight to the balloon, not through the notifier: it must not replace a pending caller's page.
        tray.ShowBalloon(announcement.Title, announcement.Text);
    }

    private void OnPauseChanged(object? sender, EventArgs e) => status.SetPaused(popSwitch.Paused);

    private void OnCrmChanged(object? sender, EventArgs e) => status.SetCrm(crm.State);

    private void OnStatusChanged(object? sender, EventArgs e) => tray.SetAppearance(Appearance());

    private TrayAppearance Appearance() => TrayAppearance.For(status.State).WithLine(journal?.WaitingText());
}
