using System.Runtime.InteropServices;

namespace TrayPop.Windows.Interop;

/// <summary>MSG (winuser.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Message
{
    public nint hwnd;
    public uint message;
    public nint wParam;
    public nint lParam;
    public uint time;
    public Point pt;
    public uint lPrivate;
}
