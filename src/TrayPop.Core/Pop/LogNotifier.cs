using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Pop;

/// <summary>Headless notifications: the log and the console, where a headless run's operator looks.</summary>
internal sealed class LogNotifier(LogPrivacy privacy, ILogger<LogNotifier> logger) : INotifier
{
    public void Show(Notification notification) =>
        Log.NotificationShown(logger, privacy.Numbers(notification.Title), privacy.Numbers(notification.Text), notification.ClickUrl is null ? null : privacy.Numbers(notification.ClickUrl.AbsoluteUri));
}
