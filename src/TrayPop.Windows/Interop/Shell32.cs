using System.Runtime.InteropServices;

namespace TrayPop.Windows.Interop;

/// <summary>shell32.dll: the notification area and ShellExecute.</summary>
internal static unsafe partial class Shell32
{
    public const uint NIM_ADD = 0x0;
    public const uint NIM_MODIFY = 0x1;
    public const uint NIM_DELETE = 0x2;
    public const uint NIM_SETVERSION = 0x4;

    public const uint NIF_MESSAGE = 0x01;
    public const uint NIF_ICON = 0x02;
    public const uint NIF_TIP = 0x04;
    public const uint NIF_INFO = 0x10;
    public const uint NIF_SHOWTIP = 0x80;

    public const uint NIIF_INFO = 0x01;
    public const uint NIIF_NOSOUND = 0x10;
    public const uint NIIF_RESPECT_QUIET_TIME = 0x80;

    public const uint NOTIFYICON_VERSION_4 = 4;

    // Callback events (LOWORD of lParam with NOTIFYICON_VERSION_4).
    public const uint NIN_SELECT = User32.WM_USER + 0;
    public const uint NIN_KEYSELECT = NIN_SELECT | 0x1;
    public const uint NIN_BALLOONSHOW = User32.WM_USER + 2;
    public const uint NIN_BALLOONHIDE = User32.WM_USER + 3;
    public const uint NIN_BALLOONTIMEOUT = User32.WM_USER + 4;
    public const uint NIN_BALLOONUSERCLICK = User32.WM_USER + 5;

    public const int SW_SHOWNORMAL = 1;

    [LibraryImport("shell32.dll")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool Shell_NotifyIconW(uint message, NotifyIconData* data);

    /// <summary>Returns a value greater than 32 on success (an HINSTANCE for compatibility only).</summary>
    [LibraryImport("shell32.dll", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial nint ShellExecuteW(nint hwnd, string? operation, string file, string? parameters, string? directory, int showCommand);
}
