using TrayPop.Core.Pop;

namespace TrayPop.Windows.Tray;

/// <summary>
/// A second start in a session where TrayPop already runs: the new process exits and, when a person started it,
/// asks the first to say it is there. A person starts it from a shortcut (Start menu, desktop) or by running the
/// program bare; the logon Run key and scripts start it with a verb or settings, and get no balloon, so a Run-key
/// start after a manual one stays silent. Settings of a second start are not applied: the running instance keeps
/// its configuration (a restart applies new settings), which keeps the hand-over free of data to parse.
/// </summary>
internal static class SecondStart
{
    public const string Title = "TrayPop is running";

    /// <summary>Whether the running instance should show that it is there.</summary>
    /// <param name="args">The second start's command line.</param>
    /// <param name="fromShortcut">The shell started it from a shortcut (on Windows, STARTF_TITLEISLINKNAME).</param>
    public static bool ShouldAnnounce(IReadOnlyList<string> args, bool fromShortcut)
    {
        ArgumentNullException.ThrowIfNull(args);
        return fromShortcut || args.Count == 0;
    }

    /// <summary>The balloon the running instance shows: its state, and where its menu is.</summary>
    public static Notification Announcement(TrayState state) => new(Title, state switch
    {
        TrayState.Ready => "Ready for calls. Right-click its icon for the menu.",
        TrayState.Paused => "Pops are paused. Right-click its icon to resume.",
        TrayState.SignedOut => "Signed out of Dynamics 365. Right-click its icon to check the connection.",
        TrayState.CrmUnreachable => "Dynamics 365 cannot be reached. Right-click its icon to check the connection.",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    });
}
