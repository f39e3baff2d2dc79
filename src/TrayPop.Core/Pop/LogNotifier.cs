using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Pop;

/// <summary>Headless notifications: the log and the console, where a headless run's operator looks.</summary>
internal sealed class LogNotifier(ILogger<LogNotifier> logger) : INotifier
{
    public void Show(Notification notification) =>
        Log.NotificationShown(logger, notification.Title, notification.Text, notification.ClickUrl?.AbsoluteUri);
}
