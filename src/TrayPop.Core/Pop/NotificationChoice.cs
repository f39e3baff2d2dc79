using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Pop;

/// <summary>One record a notification lets the agent choose (several records share the caller's number): its label and its page.</summary>
internal sealed record NotificationChoice
{
    public const int MaxLabelLength = 128;

    public NotificationChoice(string label, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        Label = OutsideText.Escape(label, MaxLabelLength);
        Url = url;
    }

    /// <summary>The record's name and table, e.g. <c>Tom Baker (contact)</c>; escaped like every notification text.</summary>
    public string Label { get; }

    public Uri Url { get; }
}
