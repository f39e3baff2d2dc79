using System.Runtime.InteropServices;

namespace TrayPop.Windows.Interop;

/// <summary>iphlpapi.dll: the TCP table with each connection's owning process.</summary>
internal static unsafe partial class IpHlpApi
{
    public const uint AF_INET = 2;
    public const uint AF_INET6 = 23;
    public const int TCP_TABLE_OWNER_PID_ALL = 5;
    public const uint NO_ERROR = 0;
    public const uint ERROR_INSUFFICIENT_BUFFER = 122;

    [LibraryImport("iphlpapi.dll")]
    public static partial uint GetExtendedTcpTable(
        void* table, uint* size, [MarshalAs(UnmanagedType.Bool)] bool order, uint addressFamily, int tableClass, uint reserved);
}
