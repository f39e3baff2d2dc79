using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Pop;

/// <summary>
/// Headless notifications: the log and the console, where a headless run's operator looks. A chooser (several records
/// share the number) lists the matches there and opens none: there is nothing to click, and the first is not guessed.
/// </summary>
internal sealed class LogNotifier(LogPrivacy privacy, ILogger<LogNotifier> logger) : INotifier
{
    public void Show(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Choices.Count > 0)
        {
            Log.ChoicesShown(logger, privacy.Numbers(notification.Title), privacy.Numbers(notification.Text), notification.Choices.Select(c => privacy.Numbers(c.Label)));
            return;
        }

        Log.NotificationShown(logger, privacy.Numbers(notification.Title), privacy.Numbers(notification.Text), notification.ClickUrl is null ? null : privacy.Numbers(notification.ClickUrl.AbsoluteUri));
    }
}
