using TrayPop.Core.Pop;

namespace TrayPop.Windows.Tray;

/// <summary>
/// Remembers the page of the last notification until the agent acts on it. A click on the balloon
/// opens it; so does a click on the icon shortly after, because balloons are easy to miss (Windows
/// moves them to the notification centre, Wine's tray never reports a balloon click).
/// </summary>
internal sealed class PendingNotification(TimeProvider time)
{
    /// <summary>How long after a notification a click on the icon still opens its page.</summary>
    public static readonly TimeSpan IconClickWindow = TimeSpan.FromMinutes(2);

    private readonly Lock gate = new();
    private Uri? url;
    private DateTimeOffset shownAt;

    public void Shown(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        lock (gate)
        {
            url = notification.ClickUrl;
            shownAt = time.GetUtcNow();
        }
    }

    /// <summary>What to do about <paramref name="interaction"/>; null when nothing should happen.</summary>
    public TrayCommand? Resolve(TrayInteraction interaction)
    {
        lock (gate)
        {
            if (url is null)
            {
                return null;
            }

            switch (interaction)
            {
                case TrayInteraction.BalloonClicked:
                case TrayInteraction.IconSelected when time.GetUtcNow() - shownAt <= IconClickWindow:
                    var open = TrayCommand.Open(url);
                    url = null;
                    return open;
                default:
                    return null;
            }
        }
    }
}
