using System.Runtime.InteropServices;

namespace TrayPop.Windows.Interop;

/// <summary>advapi32.dll: a process's access token and the user it names.</summary>
internal static unsafe partial class Advapi32
{
    public const uint TOKEN_QUERY = 0x0008;
    public const int TokenUser = 1;

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool OpenProcessToken(nint process, uint desiredAccess, nint* token);

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool GetTokenInformation(nint token, int informationClass, void* information, uint length, uint* returnLength);
}
