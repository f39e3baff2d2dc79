using System.Runtime.InteropServices;

namespace TrayPop.Windows.Interop;

/// <summary>user32.dll: a message box, for the one problem that stops TrayPop before it has a tray.</summary>
internal static partial class User32
{
    public const uint MB_OK = 0x0000;
    public const uint MB_ICONWARNING = 0x0030;
    public const uint MB_SETFOREGROUND = 0x00010000;

    [LibraryImport("user32.dll", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial int MessageBoxW(nint owner, string text, string caption, uint type);
}
