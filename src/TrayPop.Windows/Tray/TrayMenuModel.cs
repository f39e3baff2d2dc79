using System.Globalization;

using TrayPop.Core.Calls;

namespace TrayPop.Windows.Tray;

/// <summary>
/// Builds the tray's context menu from the current state and the recent calls. '&amp;' marks each item's access
/// key (P/R, C, N, L, X: one letter each, so a key press chooses at once); text from outside is escaped.
/// </summary>
internal static class TrayMenuModel
{
    public const string RecentCallsText = "Recent &calls";
    public const string NoRecentCallsText = "No recent calls";

    /// <param name="logged">Whether a call (by call id) is journaled in the CRM; such calls are marked "logged".</param>
    public static IReadOnlyList<TrayMenuItem> Build(
        TrayState state, bool paused, IReadOnlyList<RecentCall> recent, TimeZoneInfo timeZone, Func<string?, bool>? logged = null)
    {
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(timeZone);

        return
        [
            new(StatusText(state)),
            TrayMenuItem.Separator,
            paused ? new("&Resume pops", TrayCommand.ResumePops) : new("&Pause pops", TrayCommand.PausePops),
            recent.Count == 0
                ? new(NoRecentCallsText)
                : new(RecentCallsText, Children: [.. recent.Take(RecentCalls.DefaultCapacity).Select(c => RecentItem(c, timeZone, logged?.Invoke(c.CallId) == true))]),
            TrayMenuItem.Separator,
            new("Check co&nnection", TrayCommand.CheckConnection),
            new("Open &log folder", TrayCommand.OpenLogFolder),
            TrayMenuItem.Separator,
            new("E&xit", TrayCommand.Exit),
        ];
    }

    /// <summary>
    /// The menu a chooser notification opens: what matched, then one item per record (name and table) that opens it.
    /// The first nine have the access keys 1 to 9, so a key press chooses at once.
    /// </summary>
    public static IReadOnlyList<TrayMenuItem> Chooser(Core.Pop.Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return
        [
            new(Escape(notification.Text)),
            TrayMenuItem.Separator,
            .. notification.Choices.Select(ChoiceItem),
        ];
    }

    private static TrayMenuItem ChoiceItem(Core.Pop.NotificationChoice choice, int index) =>
        new((index < 9 ? $"&{index + 1}  " : "    ") + Escape(choice.Label), TrayCommand.Open(choice.Url));

    /// <summary>The menu flattened in display order, submenu items after their parent; platforms number items by this order.</summary>
    public static IEnumerable<TrayMenuItem> Flatten(IEnumerable<TrayMenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            yield return item;
            if (item.Children is { } children)
            {
                foreach (var child in Flatten(children))
                {
                    yield return child;
                }
            }
        }
    }

    private static string StatusText(TrayState state) => state switch
    {
        TrayState.Ready => "Ready for calls",
        TrayState.Paused => "Paused",
        TrayState.SignedOut => "Signed out of Dynamics 365",
        TrayState.CrmUnreachable => "Dynamics 365 unreachable",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static TrayMenuItem RecentItem(RecentCall call, TimeZoneInfo timeZone, bool logged)
    {
        var local = TimeZoneInfo.ConvertTime(call.At, timeZone);
        var caller = Escape(call.Caller);
        var text = string.Create(CultureInfo.CurrentCulture, $"{local:t}  {caller}{(logged ? "  (logged)" : string.Empty)}");
        // A caller several records share: the records again, as the chooser listed them.
        return call.Choices is { Count: > 0 } choices
            ? new(text, Children: [.. choices.Select((choice, i) => ChoiceItem(choice, i))])
            : new(text, call.Url is null ? null : TrayCommand.Open(call.Url));
    }

    // '&' marks a mnemonic in Win32 menus; a name with one must show it literally.
    private static string Escape(string text) => text.Replace("&", "&&", StringComparison.Ordinal);
}
