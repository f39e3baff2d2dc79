using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Core.Hosting;
using TrayPop.Core.Pop;
using TrayPop.Core.Tray;

namespace TrayPop.Windows.Tray;

/// <summary>Carries out the tray's commands. Decides nothing: the menu model and the pending notification did.</summary>
internal sealed class TrayCommandExecutor(
    TrayStatus status,
    PopSwitch popSwitch,
    ILauncher launcher,
    ShellLauncher shell,
    INotifier notifier,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<TrayCommandExecutor> logger,
    IConnectionCheck? connectionCheck = null)
{
    /// <summary>Runs <paramref name="command"/> off the caller's thread, so the tray's message loop never waits on it.</summary>
    public void Execute(TrayCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _ = Task.Run(() => ExecuteAsync(command, lifetime.ApplicationStopping));
    }

    public async Task ExecuteAsync(TrayCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            switch (command.Kind)
            {
                case TrayCommandKind.PausePops:
                    popSwitch.Paused = true;
                    break;
                case TrayCommandKind.ResumePops:
                    popSwitch.Paused = false;
                    break;
                case TrayCommandKind.OpenUrl when command.Url is { } url:
                    launcher.Open(url);
                    break;
                case TrayCommandKind.OpenLogFolder:
                    shell.OpenFolder(LogSetup.LogDirectory(configuration));
                    break;
                case TrayCommandKind.CheckConnection:
                    await CheckConnectionAsync(cancellationToken);
                    break;
                case TrayCommandKind.Exit:
                    lifetime.StopApplication();
                    break;
                default:
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(logger, command.Kind, ex);
        }
    }

    private async Task CheckConnectionAsync(CancellationToken cancellationToken)
    {
        if (connectionCheck is null)
        {
            notifier.Show(new Notification("TrayPop", "Connection check is not available in this build."));
            return;
        }

        var state = await connectionCheck.CheckAsync(cancellationToken);
        status.SetSignedOut(state == TrayState.SignedOut);
        status.SetCrmUnreachable(state == TrayState.CrmUnreachable);
        var text = state switch
        {
            TrayState.Ready => "Connected to Dynamics 365.",
            TrayState.SignedOut => "Signed out of Dynamics 365: sign in again.",
            _ => "Dynamics 365 cannot be reached.",
        };
        notifier.Show(new Notification("TrayPop", text));
    }
}
