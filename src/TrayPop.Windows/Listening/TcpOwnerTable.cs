using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace TrayPop.Windows.Listening;

/// <summary>
/// Reads the buffers <c>GetExtendedTcpTable(TCP_TABLE_OWNER_PID_ALL)</c> fills: a <c>DWORD</c> count, then rows of
/// <c>MIB_TCPROW_OWNER_PID</c> (IPv4, 24 bytes: state, local address, local port, remote address, remote port, pid) or
/// <c>MIB_TCP6ROW_OWNER_PID</c> (IPv6, 56 bytes: local address[16], scope, port, remote address[16], scope, port, state, pid).
/// Addresses are in network byte order; a port is a <c>DWORD</c> whose first two bytes hold it in network byte order.
/// Apart from the call, so it is tested with buffers built byte by byte, and with buffers Wine filled.
/// </summary>
/// <remarks>
/// What Wine 8 returns (seen under the Wine system tests): every TCP socket of the machine, read from Linux's
/// <c>/proc/net/tcp</c> and <c>tcp6</c>, with the Windows pid of a Wine process that has the socket's descriptor open
/// at that moment, else 0. Wine keeps sockets in wineserver and lends a process the descriptor only for a call, so a
/// socket shows its process only while that process is blocked on it in a synchronous call (a WinHTTP request or a
/// blocking receive waiting for its answer); a Linux process's sockets, listeners, and the sockets of a program doing
/// overlapped I/O (TrayPop's own intakes) show 0. A dual-mode IPv6 socket talking to an IPv4 address is in the IPv6
/// table as <c>::ffff:a.b.c.d</c> (where Linux lists it), not in the IPv4 table; scopes are not Windows' (<c>::1</c>
/// has 0x1000, a mapped address 0xFFFFFFFF), so they are not compared. Row layouts and port byte order are Windows'.
/// </remarks>
internal static class TcpOwnerTable
{
    public const int Row4Size = 24;
    public const int Row6Size = 56;

    /// <summary>
    /// The pid owning the connection whose local end is <paramref name="local"/> and remote end <paramref name="remote"/>,
    /// asking <paramref name="table"/> for the IPv4 table, then (for IPv4 ends not found there) the IPv6 table for the same
    /// ends mapped into IPv6; null when no row names a process.
    /// </summary>
    public static uint? FindOwner(Func<AddressFamily, byte[]?> table, IPEndPoint local, IPEndPoint remote)
    {
        if (local.AddressFamily != AddressFamily.InterNetwork)
        {
            return FindOwner(table(AddressFamily.InterNetworkV6), AddressFamily.InterNetworkV6, local, remote);
        }

        // Windows lists a dual-mode socket's IPv4 connection in the IPv4 table; Wine, as Linux does, in the IPv6 one.
        return FindOwner(table(AddressFamily.InterNetwork), AddressFamily.InterNetwork, local, remote)
            ?? FindOwner(table(AddressFamily.InterNetworkV6), AddressFamily.InterNetworkV6, Mapped(local), Mapped(remote));
    }

    /// <summary>
    /// The pid owning the connection whose local end is <paramref name="local"/> and remote end <paramref name="remote"/>
    /// in one table; null when no row has it, or the rows that have it name no process (pid 0: Windows' TIME_WAIT rows,
    /// and Wine's rows for sockets no Wine process holds).
    /// </summary>
    public static uint? FindOwner(ReadOnlySpan<byte> table, AddressFamily family, IPEndPoint local, IPEndPoint remote)
    {
        if (table.Length < 4)
        {
            return null;
        }

        var rowSize = family == AddressFamily.InterNetworkV6 ? Row6Size : Row4Size;
        var count = BinaryPrimitives.ReadUInt32LittleEndian(table);
        var rows = table[4..];
        // A count the buffer cannot hold is read only as far as the buffer goes.
        var available = (uint)(rows.Length / rowSize);
        for (var i = 0; i < Math.Min(count, available); i++)
        {
            var row = rows.Slice(i * rowSize, rowSize);
            var (rowLocal, rowRemote, pid) = family == AddressFamily.InterNetworkV6 ? Read6(row) : Read4(row);
            // A closed connection's row (pid 0) may share both ends with the live one that reused its port: read on.
            if (pid != 0 && rowLocal.Equals(local) && rowRemote.Equals(remote))
            {
                return pid;
            }
        }

        return null;
    }

    private static (IPEndPoint Local, IPEndPoint Remote, uint Pid) Read4(ReadOnlySpan<byte> row) => (
        new IPEndPoint(new IPAddress(row.Slice(4, 4)), Port(row[8..])),
        new IPEndPoint(new IPAddress(row.Slice(12, 4)), Port(row[16..])),
        BinaryPrimitives.ReadUInt32LittleEndian(row[20..]));

    private static (IPEndPoint Local, IPEndPoint Remote, uint Pid) Read6(ReadOnlySpan<byte> row) => (
        new IPEndPoint(new IPAddress(row[..16]), Port(row[20..])),
        new IPEndPoint(new IPAddress(row.Slice(24, 16)), Port(row[44..])),
        BinaryPrimitives.ReadUInt32LittleEndian(row[52..]));

    private static int Port(ReadOnlySpan<byte> dword) => BinaryPrimitives.ReadUInt16BigEndian(dword);

    private static IPEndPoint Mapped(IPEndPoint endpoint) => new(endpoint.Address.MapToIPv6(), endpoint.Port);
}
