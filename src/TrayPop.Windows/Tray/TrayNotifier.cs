using TrayPop.Core.Pop;

namespace TrayPop.Windows.Tray;

/// <summary>
/// Notifications as tray balloons; a click on the balloon opens its page, or for several matching records the menu to
/// choose one from (see <see cref="PendingNotification"/>).
/// </summary>
internal sealed class TrayNotifier(TrayWindow tray, PendingNotification pending) : INotifier
{
    public void Show(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        pending.Shown(notification);
        tray.ShowBalloon(notification.Title, notification.Choices.Count > 0 ? notification.Text + " — click to choose" : notification.Text);
    }
}
