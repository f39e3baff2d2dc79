using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using TrayPop.Windows.Listening;

namespace TrayPop.Windows.Tests.Listening;

/// <summary>GetExtendedTcpTable's buffers, built byte by byte as Windows lays them out.</summary>
public sealed class TcpOwnerTableTests
{
    private static readonly IPEndPoint Client = new(IPAddress.Loopback, 50123);
    private static readonly IPEndPoint Listener = new(IPAddress.Loopback, 47471);

    /// <summary>MIB_TCPTABLE_OWNER_PID: count, then MIB_TCPROW_OWNER_PID rows.</summary>
    private static byte[] Table4(params (IPEndPoint Local, IPEndPoint Remote, uint Pid)[] rows)
    {
        var table = new byte[4 + (rows.Length * TcpOwnerTable.Row4Size)];
        BinaryPrimitives.WriteUInt32LittleEndian(table, (uint)rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = table.AsSpan(4 + (i * TcpOwnerTable.Row4Size), TcpOwnerTable.Row4Size);
            BinaryPrimitives.WriteUInt32LittleEndian(row, 5); // MIB_TCP_STATE_ESTAB
            rows[i].Local.Address.GetAddressBytes().CopyTo(row[4..]);
            Port(row[8..], rows[i].Local.Port);
            rows[i].Remote.Address.GetAddressBytes().CopyTo(row[12..]);
            Port(row[16..], rows[i].Remote.Port);
            BinaryPrimitives.WriteUInt32LittleEndian(row[20..], rows[i].Pid);
        }

        return table;
    }

    /// <summary>MIB_TCP6TABLE_OWNER_PID: count, then MIB_TCP6ROW_OWNER_PID rows.</summary>
    private static byte[] Table6(params (IPEndPoint Local, IPEndPoint Remote, uint Pid)[] rows)
    {
        var table = new byte[4 + (rows.Length * TcpOwnerTable.Row6Size)];
        BinaryPrimitives.WriteUInt32LittleEndian(table, (uint)rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = table.AsSpan(4 + (i * TcpOwnerTable.Row6Size), TcpOwnerTable.Row6Size);
            rows[i].Local.Address.GetAddressBytes().CopyTo(row);
            Port(row[20..], rows[i].Local.Port);
            rows[i].Remote.Address.GetAddressBytes().CopyTo(row[24..]);
            Port(row[44..], rows[i].Remote.Port);
            BinaryPrimitives.WriteUInt32LittleEndian(row[48..], 5);
            BinaryPrimitives.WriteUInt32LittleEndian(row[52..], rows[i].Pid);
        }

        return table;
    }

    // The port's DWORD holds it in network byte order in its first two bytes; the upper two are zero.
    private static void Port(Span<byte> dword, int port) => BinaryPrimitives.WriteUInt16BigEndian(dword, (ushort)port);

    [Fact]
    public void FindOwner_IPv4_FindsThePidOfTheRowWithBothEnds()
    {
        var table = Table4((Listener, Client, 100), (Client, Listener, 4242), (Client, new IPEndPoint(IPAddress.Loopback, 47470), 7));

        Assert.Equal(4242u, TcpOwnerTable.FindOwner(table, AddressFamily.InterNetwork, Client, Listener));
    }

    [Fact]
    public void FindOwner_IPv4_PortsAreReadInNetworkByteOrder()
    {
        var table = Table4((Client, Listener, 4242));

        Assert.Equal(0xC3, table[4 + 8]); // 50123 = 0xC3CB, high byte first
        Assert.Equal(0xCB, table[4 + 9]);
        Assert.Null(TcpOwnerTable.FindOwner(table, AddressFamily.InterNetwork, new IPEndPoint(IPAddress.Loopback, 0xCBC3), Listener));
    }

    [Fact]
    public void FindOwner_IPv6_FindsThePid()
    {
        var client = new IPEndPoint(IPAddress.IPv6Loopback, 50200);
        var listener = new IPEndPoint(IPAddress.IPv6Loopback, 47471);
        var table = Table6((listener, client, 100), (client, listener, 31337));

        Assert.Equal(31337u, TcpOwnerTable.FindOwner(table, AddressFamily.InterNetworkV6, client, listener));
    }

    [Fact]
    public void FindOwner_NoSuchRow_IsNull()
    {
        Assert.Null(TcpOwnerTable.FindOwner(Table4((Listener, Client, 100)), AddressFamily.InterNetwork, Client, Listener));
        Assert.Null(TcpOwnerTable.FindOwner(Table4(), AddressFamily.InterNetwork, Client, Listener));
    }

    [Fact]
    public void FindOwner_ACountLargerThanTheBuffer_ReadsOnlyWhatIsThere()
    {
        var table = Table4((Client, Listener, 4242));
        BinaryPrimitives.WriteUInt32LittleEndian(table, 1000);

        Assert.Equal(4242u, TcpOwnerTable.FindOwner(table, AddressFamily.InterNetwork, Client, Listener));
        Assert.Null(TcpOwnerTable.FindOwner(table.AsSpan(0, 20), AddressFamily.InterNetwork, Client, Listener));
        Assert.Null(TcpOwnerTable.FindOwner([], AddressFamily.InterNetwork, Client, Listener));
    }
}
