using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Pop;

/// <summary>
/// What a notification says, and the CRM page a click on it opens (if any). Titles and texts carry record names and caller
/// ids, so they are escaped here, once, for every notifier (tray balloon, D-Bus, log).
/// </summary>
internal sealed record Notification
{
    public const int MaxTitleLength = 128;

    public const int MaxTextLength = 512;

    public Notification(string title, string text, Uri? clickUrl = null)
    {
        Title = OutsideText.Escape(title, MaxTitleLength);
        Text = OutsideText.Escape(text, MaxTextLength);
        ClickUrl = clickUrl;
    }

    public string Title { get; }

    public string Text { get; }

    public Uri? ClickUrl { get; }
}
