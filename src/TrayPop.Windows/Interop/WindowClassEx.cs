using System.Runtime.InteropServices;

namespace TrayPop.Windows.Interop;

/// <summary>WNDCLASSEXW (winuser.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct WindowClassEx
{
    public uint cbSize;
    public uint style;
    public delegate* unmanaged<nint, uint, nint, nint, nint> lpfnWndProc;
    public int cbClsExtra;
    public int cbWndExtra;
    public nint hInstance;
    public nint hIcon;
    public nint hCursor;
    public nint hbrBackground;
    public char* lpszMenuName;
    public char* lpszClassName;
    public nint hIconSm;
}
