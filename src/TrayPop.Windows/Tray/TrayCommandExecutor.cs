using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Hosting;
using TrayPop.Core.Pop;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows.Tray;

/// <summary>Carries out the tray's commands. Decides nothing: the menu model and the pending notification did.</summary>
internal sealed class TrayCommandExecutor(
    PopSwitch popSwitch,
    CrmLauncher launcher,
    ShellLauncher shell,
    TrayWindow tray,
    IConnectionCheck connectionCheck,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<TrayCommandExecutor> logger)
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
        // The same WhoAmI and round trip as `traypop check`; the icon follows through CrmStatus.
        var result = await connectionCheck.CheckAsync(TimeSpan.Zero, cancellationToken);
        Log.ConnectionChecked(logger, result.State);
        // Straight to the balloon, not through the notifier: it must not replace a pending caller's page.
        tray.ShowBalloon("TrayPop: connection", result.Sentence);
    }
}
