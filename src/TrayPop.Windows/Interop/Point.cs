using System.Runtime.InteropServices;

namespace TrayPop.Windows.Interop;

/// <summary>POINT (windef.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Point
{
    public int X;
    public int Y;
}
