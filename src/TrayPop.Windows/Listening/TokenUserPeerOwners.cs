using System.Net;
using System.Net.Sockets;
using System.Security.Principal;
using TrayPop.Intake.Listening;
using TrayPop.Windows.Interop;

namespace TrayPop.Windows.Listening;

/// <summary>
/// Windows: the process owning the peer's end of a loopback connection (the TCP table with owning pids), and the user
/// its token names, compared with this process's user. Every session of a terminal server shares loopback: this is what
/// keeps another user's program from driving this agent's pops. A process TrayPop may not open (another user's, as a
/// rule) or a connection no process is found to own counts as another user's. Used both ways: the intakes ask about
/// the process that dialled them, <c>traypop pop</c> about the process holding the port it dialled. Windows names the
/// listening process for an accepted connection at once; Wine does not (see <see cref="TcpOwnerTable"/>).
/// </summary>
internal sealed unsafe class TokenUserPeerOwners : IPeerOwners
{
    // Room for connections that open between asking the table's size and reading it.
    private const int SpareRows = 32;

    private readonly SecurityIdentifier _self;

    public TokenUserPeerOwners()
    {
        using var identity = WindowsIdentity.GetCurrent();
        _self = identity.User ?? throw new InvalidOperationException("This process's token names no user.");
    }

    public bool? IsSameUser(IPEndPoint peer, IPEndPoint self) => IsSameUser(peer, self, out _);

    /// <summary>The same check; the owner is the peer's process, which the TCP table names anyway.</summary>
    public bool? IsSameUser(IPEndPoint peer, IPEndPoint self, out string? owner)
    {
        (peer, self) = (Normal(peer), Normal(self));
        owner = null;
        if (TcpOwnerTable.FindOwner(ReadTable, peer, self) is not { } pid)
        {
            return false;
        }

        owner = $"process {pid}";
        return pid == (uint)Environment.ProcessId || UserOf(pid) is { } user && _self.Equals(user);
    }

    /// <summary>GetExtendedTcpTable(TCP_TABLE_OWNER_PID_ALL) for one address family; null when it fails.</summary>
    private static byte[]? ReadTable(AddressFamily family)
    {
        var (addressFamily, rowSize) = family == AddressFamily.InterNetworkV6
            ? (IpHlpApi.AF_INET6, TcpOwnerTable.Row6Size)
            : (IpHlpApi.AF_INET, TcpOwnerTable.Row4Size);
        uint size = 0;
        byte[]? buffer = null;
        // The first call asks the size; the table can outgrow it before the next (it did under Wine): ask again.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            fixed (byte* table = buffer)
            {
                var result = IpHlpApi.GetExtendedTcpTable(table, &size, false, addressFamily, IpHlpApi.TCP_TABLE_OWNER_PID_ALL, 0);
                if (result == IpHlpApi.NO_ERROR && buffer is not null)
                {
                    return buffer;
                }

                if (result != IpHlpApi.ERROR_INSUFFICIENT_BUFFER)
                {
                    return null;
                }
            }

            buffer = new byte[size + (SpareRows * rowSize)];
            size = (uint)buffer.Length;
        }

        return null;
    }

    private static SecurityIdentifier? UserOf(uint pid)
    {
        var process = Kernel32.OpenProcess(Kernel32.PROCESS_QUERY_LIMITED_INFORMATION, false, pid);
        if (process == 0)
        {
            return null;
        }

        nint token = 0;
        try
        {
            if (!Advapi32.OpenProcessToken(process, Advapi32.TOKEN_QUERY, &token))
            {
                return null;
            }

            uint length = 0;
            _ = Advapi32.GetTokenInformation(token, Advapi32.TokenUser, null, 0, &length);
            if (length == 0)
            {
                return null;
            }

            var buffer = new byte[length];
            fixed (byte* information = buffer)
            {
                // TOKEN_USER starts with SID_AND_ATTRIBUTES, whose first field is the pointer to the SID (inside the buffer).
                return Advapi32.GetTokenInformation(token, Advapi32.TokenUser, information, length, &length)
                    ? new SecurityIdentifier(*(nint*)information)
                    : null;
            }
        }
        finally
        {
            if (token != 0)
            {
                Kernel32.CloseHandle(token);
            }

            Kernel32.CloseHandle(process);
        }
    }

    /// <summary>An IPv4 address mapped into IPv6 (a dual-mode socket) is looked up as the IPv4 address.</summary>
    private static IPEndPoint Normal(IPEndPoint endpoint) =>
        endpoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endpoint.Address.MapToIPv4(), endpoint.Port) : endpoint;
}
