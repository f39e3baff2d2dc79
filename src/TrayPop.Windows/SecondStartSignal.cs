using TrayPop.Windows.Interop;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows;

/// <summary>
/// How a second start in a session tells the first "a person started me": a registered window message, no data,
/// posted to the first's hidden tray window. FindWindow only sees the caller's own desktop, so the message stays
/// in the session (as the Local\ mutex does); it opens no socket and no pipe, and carries nothing to parse:
/// anyone who could post it could already post any message to the window, and all it does is show a balloon.
/// </summary>
internal static class SecondStartSignal
{
    public const string MessageName = "TrayPop.SecondStart";

    /// <summary>How long the second start waits for the first's window, which appears about a second after its mutex.</summary>
    private static readonly TimeSpan WaitForWindow = TimeSpan.FromSeconds(5);

    /// <summary>The registered message's id (the same in every process of the session), or 0 if it could not be registered.</summary>
    public static uint Message { get; } = User32.RegisterWindowMessageW(MessageName);

    /// <summary>Asks the running instance to show that it is there; false when no window of it appeared in time.</summary>
    public static async Task<bool> SendAsync(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (Message == 0)
        {
            return false;
        }

        var started = time.GetTimestamp();
        while (true)
        {
            var window = User32.FindWindowW(MessageWindow.ClassName, MessageWindow.WindowName);
            if (window != 0)
            {
                return User32.PostMessageW(window, Message, 0, 0);
            }

            if (time.GetElapsedTime(started) >= WaitForWindow)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time);
        }
    }

    /// <summary>Whether the shell started this process from a shortcut (Start menu, desktop, taskbar pin).</summary>
    public static unsafe bool StartedFromShortcut()
    {
        var info = new StartupInfo { cb = (uint)sizeof(StartupInfo) };
        Kernel32.GetStartupInfoW(&info);
        return (info.dwFlags & StartupInfo.STARTF_TITLEISLINKNAME) != 0;
    }
}
