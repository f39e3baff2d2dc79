using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Pop;

/// <summary>
/// What a notification says, and the CRM page a click on it opens (if any), or the records a click lets the agent choose
/// from (<see cref="Choices"/>, when several share the number). Titles and texts carry record names and caller ids, so they
/// are escaped here, once, for every notifier (tray balloon, D-Bus, log).
/// </summary>
internal sealed record Notification
{
    public const int MaxTitleLength = 128;

    public const int MaxTextLength = 512;

    public Notification(string title, string text, Uri? clickUrl = null, IReadOnlyList<NotificationChoice>? choices = null)
    {
        Title = OutsideText.Escape(title, MaxTitleLength);
        Text = OutsideText.Escape(text, MaxTextLength);
        ClickUrl = clickUrl;
        Choices = choices ?? [];
    }

    public string Title { get; }

    public string Text { get; }

    public Uri? ClickUrl { get; }

    /// <summary>The records a click offers, each opening its own page; empty for a notification with one page or none.</summary>
    public IReadOnlyList<NotificationChoice> Choices { get; }
}
