using System.Net;
using TrayPop.Intake.Listening;

namespace TrayPop.Intake.Tests.Listening;

/// <summary>Reading the owner uid of a loopback socket from the kernel's TCP tables, from fixtures of their format.</summary>
public sealed class ProcNetTcpOwnersTests : IDisposable
{
    private const string Header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("traypop-proc").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Table(string name, params string[] rows)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, Header + string.Join("\n", rows) + "\n");
        return path;
    }

    private ProcNetTcpOwners Owners(string ownUid) => new(
        [
            Table("tcp",
                "   0: 0100007F:B8A2 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1 0 100 0 0 10 0",
                "   1: 0100007F:D431 0100007F:B8A2 01 00000000:00000000 00:00000000 00000000  1001        0 2 1 0 20 4 30 10 -1",
                "   2: 0100007F:B8A2 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 3 1 0 20 4 30 10 -1"),
            Table("tcp6",
                "   0: 00000000000000000000000001000000:D432 00000000000000000000000001000000:B8A3 01 00000000:00000000 00:00000000 00000000  1001        0 4 1 0 20 4 30 10 -1",
                "   1: 0000000000000000FFFF00000100007F:D433 0000000000000000FFFF00000100007F:B8A2 01 00000000:00000000 00:00000000 00000000  1000        0 5 1 0 20 4 30 10 -1"),
        ],
        ownUid);

    private static IPEndPoint V4(int port) => new(IPAddress.Loopback, port);

    private static IPEndPoint V6(int port) => new(IPAddress.IPv6Loopback, port);

    [Fact]
    public void OwnerUid_IPv4Peer_IsTheUidOfTheRowWhoseLocalAddressIsThePeers()
    {
        var owners = Owners("1000");

        // The peer 127.0.0.1:54321 (0xD431) connected to our 127.0.0.1:47266 (0xB8A2); uid 1001 holds it, not our row's 1000.
        Assert.Equal("1001", owners.OwnerUid(V4(0xD431), V4(0xB8A2)));
        Assert.False(owners.IsSameUser(V4(0xD431), V4(0xB8A2)));
    }

    [Fact]
    public void OwnerUid_IPv6Peer_IsReadFromTcp6()
    {
        Assert.Equal("1001", Owners("1000").OwnerUid(V6(0xD432), V6(0xB8A3)));
    }

    [Fact]
    public void OwnerUid_DualModeClientMappedToIPv4_MatchesTheIPv4Peer()
    {
        var owners = Owners("1000");

        Assert.Equal("1000", owners.OwnerUid(V4(0xD433), V4(0xB8A2)));
        Assert.True(owners.IsSameUser(V4(0xD433), V4(0xB8A2)));
    }

    [Fact]
    public void IsSameUser_NamesThePeersOwnerByUid_WhateverItsPort()
    {
        var owners = Owners("1000");

        Assert.False(owners.IsSameUser(V4(0xD431), V4(0xB8A2), out var other));
        Assert.True(owners.IsSameUser(V4(0xD433), V4(0xB8A2), out var mine));
        Assert.False(owners.IsSameUser(V4(1234), V4(0xB8A2), out var unknown));

        Assert.Equal("uid 1001", other);
        Assert.Equal("uid 1000", mine);
        Assert.Null(unknown);
    }

    [Fact]
    public void IsSameUser_NoRowForThePeer_IsFalse() =>
        Assert.False(Owners("1000").IsSameUser(V4(1234), V4(0xB8A2)));

    [Fact]
    public void IsSameUser_MissingTables_IsFalse() =>
        Assert.False(new ProcNetTcpOwners([Path.Combine(_directory, "none")], "0").IsSameUser(V4(1), V4(2)));

    [Theory]
    [InlineData("0100007F:1F90", "127.0.0.1:8080")]
    [InlineData("00000000000000000000000001000000:0050", "[::1]:80")]
    [InlineData("0000000000000000FFFF00000100007F:0050", "127.0.0.1:80")]
    public void TryEndpoint_ReadsTheKernelsHex(string text, string expected)
    {
        Assert.True(ProcNetTcpOwners.TryEndpoint(text, out var endpoint));
        Assert.Equal(expected, endpoint.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0100007F")]
    [InlineData("0100007G:1F90")]
    [InlineData("01007F:1F90")]
    public void TryEndpoint_Malformed_IsFalse(string text) =>
        Assert.False(ProcNetTcpOwners.TryEndpoint(text, out _));

    [Fact]
    public void EffectiveUid_IsTheSecondUidField()
    {
        var status = Path.Combine(_directory, "status");
        File.WriteAllText(status, "Name:\ttraypop\nUid:\t1000\t1001\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\n");

        Assert.Equal("1001", ProcNetTcpOwners.EffectiveUid(status));
    }

    [Fact]
    public void ForThisProcess_AConnectionFromThisProcess_IsTheSameUser()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new System.Net.Sockets.TcpClient();
        client.Connect((IPEndPoint)listener.LocalEndpoint);
        using var accepted = listener.AcceptSocket();

        Assert.True(ProcNetTcpOwners.ForThisProcess().IsSameUser((IPEndPoint)accepted.RemoteEndPoint!, (IPEndPoint)accepted.LocalEndPoint!));
    }
}
