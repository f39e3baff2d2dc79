namespace TrayPop.Core.Pop;

/// <summary>Shows a notification on the agent's desktop (tray balloon, toast, D-Bus).</summary>
internal interface INotifier
{
    /// <summary>Shows <paramref name="notification"/>; a click on it opens its <see cref="Notification.ClickUrl"/>.</summary>
    void Show(Notification notification);
}
