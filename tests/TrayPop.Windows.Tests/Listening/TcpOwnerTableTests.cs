using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using TrayPop.Windows.Listening;

namespace TrayPop.Windows.Tests.Listening;

/// <summary>GetExtendedTcpTable's buffers, built byte by byte as Windows lays them out, and rows Wine 8 returned.</summary>
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

    [Fact]
    public void FindOwner_ARowWithoutAProcess_IsPassedOverForTheLiveOneWithTheSameEnds()
    {
        // A closed connection (pid 0) whose ports were reused by the connection asked about.
        var table = Table4((Client, Listener, 0), (Client, Listener, 4242));

        Assert.Equal(4242u, TcpOwnerTable.FindOwner(table, AddressFamily.InterNetwork, Client, Listener));
        Assert.Null(TcpOwnerTable.FindOwner(Table4((Client, Listener, 0)), AddressFamily.InterNetwork, Client, Listener));
    }

    [Fact]
    public void FindOwner_BothTables_IPv4EndsNotInTheIPv4Table_AreLookedUpMappedInTheIPv6Table()
    {
        // A dual-mode socket's IPv4 connection, where Wine (as Linux) lists it.
        var mapped = Table6((new(Client.Address.MapToIPv6(), Client.Port), new(Listener.Address.MapToIPv6(), Listener.Port), 77));

        Assert.Equal(77u, TcpOwnerTable.FindOwner(family => family == AddressFamily.InterNetwork ? Table4((Listener, Client, 100)) : mapped, Client, Listener));
        Assert.Equal(5u, TcpOwnerTable.FindOwner(family => family == AddressFamily.InterNetwork ? Table4((Client, Listener, 5)) : mapped, Client, Listener));
    }

    [Fact]
    public void FindOwner_BothTables_IPv6EndsAreLookedUpOnlyInTheIPv6Table()
    {
        var client = new IPEndPoint(IPAddress.IPv6Loopback, 50200);
        var listener = new IPEndPoint(IPAddress.IPv6Loopback, 47471);
        var asked = new List<AddressFamily>();

        var pid = TcpOwnerTable.FindOwner(family => { asked.Add(family); return Table6((client, listener, 9)); }, client, listener);

        Assert.Equal(9u, pid);
        Assert.Equal([AddressFamily.InterNetworkV6], asked);
    }

    [Fact]
    public void FindOwner_BothTables_ATableThatCouldNotBeRead_FindsNothingThere()
    {
        Assert.Null(TcpOwnerTable.FindOwner(_ => null, Client, Listener));
    }

    /// <summary>Rows as Wine 8 returned them under the system tests (a Wine client's connection, its listener's end, a Linux process's).</summary>
    [Fact]
    public void FindOwner_RowsWineReturned_NameTheWineProcessAndNoneForTheOthers()
    {
        var table = Wine(
            "020000007F000001BB270000000000000000000000000000", // LISTEN 127.0.0.1:47911, held by wineserver: pid 0
            "050000007F0000019CDE00007F000001BB270000EC010000", // ESTABLISHED 127.0.0.1:40158 -> :47911, a Wine process (pid 492) blocked on it
            "050000007F000001BB2700007F0000019CDE000000000000", // the listener's end of it: pid 0 (TrayPop reads overlapped)
            "050000007F000001BB1D00007F0000018B4F000000000000"); // a Linux process's connection: pid 0
        var wineClient = new IPEndPoint(IPAddress.Loopback, 40158);
        var line = new IPEndPoint(IPAddress.Loopback, 47911);

        Assert.Equal(492u, TcpOwnerTable.FindOwner(table, AddressFamily.InterNetwork, wineClient, line));
        Assert.Null(TcpOwnerTable.FindOwner(table, AddressFamily.InterNetwork, line, wineClient));
        Assert.Null(TcpOwnerTable.FindOwner(table, AddressFamily.InterNetwork, new IPEndPoint(IPAddress.Loopback, 47901), new IPEndPoint(IPAddress.Loopback, 35663)));
    }

    [Fact]
    public void FindOwner_IPv6RowsWineReturned_HaveScopesThatAreNotWindowsAndAreMatchedWithoutThem()
    {
        const string linuxDualMode = "00000000000000000000FFFF7F000001FFFFFFFF8B4F000000000000000000000000FFFF7F000001FFFFFFFFBB1D00000500000000000000";
        var table = Wine(
            "0000000000000000000000000000000100100000BB2700000000000000000000000000000000000000000000000000000200000000000000", // LISTEN [::1]:47911, scope 0x1000
            linuxDualMode, // [::ffff:127.0.0.1]:35663 -> :47901 (scope 0xFFFFFFFF), a Linux process's: pid 0
            linuxDualMode[..^8] + "2A000000"); // the same row as a Wine process blocked on it would have it (pid 42)
        var local = new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 35663);
        var remote = new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 47901);

        Assert.Equal(42u, TcpOwnerTable.FindOwner(table, AddressFamily.InterNetworkV6, local, remote));
        Assert.Null(TcpOwnerTable.FindOwner(Wine(linuxDualMode), AddressFamily.InterNetworkV6, local, remote));
    }

    private static byte[] Wine(params string[] rows)
    {
        var bytes = rows.SelectMany(Convert.FromHexString).ToArray();
        var table = new byte[4 + bytes.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(table, (uint)rows.Length);
        bytes.CopyTo(table, 4);
        return table;
    }
}
