using System.Runtime.InteropServices;

namespace TrayPop.Windows.Interop;

/// <summary>STARTUPINFOW (processthreadsapi.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct StartupInfo
{
    /// <summary>lpTitle holds the path of the shortcut (.lnk) the user started the program from.</summary>
    public const uint STARTF_TITLEISLINKNAME = 0x800;

    public uint cb;
    public char* lpReserved;
    public char* lpDesktop;
    public char* lpTitle;
    public uint dwX;
    public uint dwY;
    public uint dwXSize;
    public uint dwYSize;
    public uint dwXCountChars;
    public uint dwYCountChars;
    public uint dwFillAttribute;
    public uint dwFlags;
    public ushort wShowWindow;
    public ushort cbReserved2;
    public byte* lpReserved2;
    public nint hStdInput;
    public nint hStdOutput;
    public nint hStdError;
}
