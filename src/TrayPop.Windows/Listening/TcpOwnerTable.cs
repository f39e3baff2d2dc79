using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace TrayPop.Windows.Listening;

/// <summary>
/// Reads the buffers <c>GetExtendedTcpTable(TCP_TABLE_OWNER_PID_ALL)</c> fills: a <c>DWORD</c> count, then rows of
/// <c>MIB_TCPROW_OWNER_PID</c> (IPv4, 24 bytes: state, local address, local port, remote address, remote port, pid) or
/// <c>MIB_TCP6ROW_OWNER_PID</c> (IPv6, 56 bytes: local address[16], scope, port, remote address[16], scope, port, state, pid).
/// Addresses are in network byte order; a port is a <c>DWORD</c> whose first two bytes hold it in network byte order.
/// Apart from the call, so it is tested with buffers built byte by byte.
/// </summary>
internal static class TcpOwnerTable
{
    public const int Row4Size = 24;
    public const int Row6Size = 56;

    /// <summary>The pid owning the connection whose local end is <paramref name="local"/> and remote end <paramref name="remote"/>; null when no row has it.</summary>
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
            if (rowLocal.Equals(local) && rowRemote.Equals(remote))
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
}
