using TrayPop.Core.Pop;

namespace TrayPop.Windows.Tray;

/// <summary>
/// Remembers the page of the last notification until the agent acts on it. A click on the balloon
/// opens it; so does a click on the icon shortly after, because balloons are easy to miss (Windows
/// moves them to the notification centre, Wine's tray never reports a balloon click). A notification
/// that offers several records (a chooser) answers the click with a menu of them instead, and stays
/// pending until the next notification, so a menu closed by mistake can be opened again.
/// </summary>
internal sealed class PendingNotification(TimeProvider time)
{
    /// <summary>How long after a notification a click on the icon still opens its page.</summary>
    public static readonly TimeSpan IconClickWindow = TimeSpan.FromMinutes(2);

    private readonly Lock gate = new();
    private Uri? url;
    private IReadOnlyList<TrayMenuItem>? chooser;
    private DateTimeOffset shownAt;

    public void Shown(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        lock (gate)
        {
            url = notification.ClickUrl;
            chooser = notification.Choices.Count > 0 ? TrayMenuModel.Chooser(notification) : null;
            shownAt = time.GetUtcNow();
        }
    }

    /// <summary>What to do about <paramref name="interaction"/>; null when nothing should happen.</summary>
    public TrayCommand? Resolve(TrayInteraction interaction)
    {
        lock (gate)
        {
            var acts = interaction switch
            {
                TrayInteraction.BalloonClicked => true,
                TrayInteraction.IconSelected => time.GetUtcNow() - shownAt <= IconClickWindow,
                _ => false,
            };
            if (!acts)
            {
                return null;
            }

            if (chooser is not null)
            {
                return TrayCommand.Choose(chooser);
            }

            if (url is null)
            {
                return null;
            }

            var open = TrayCommand.Open(url);
            url = null;
            return open;
        }
    }
}
