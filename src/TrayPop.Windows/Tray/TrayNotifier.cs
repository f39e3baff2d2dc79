using TrayPop.Core.Pop;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows.Tray;

/// <summary>Notifications as tray balloons; a click on the balloon opens its page (see <see cref="PendingNotification"/>).</summary>
internal sealed class TrayNotifier(TrayWindow tray, PendingNotification pending) : INotifier
{
    public void Show(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        pending.Shown(notification);
        tray.ShowBalloon(notification.Title, notification.Text);
    }
}
