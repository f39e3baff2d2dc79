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
/// rule) or a row not found counts as another user's.
/// </summary>
internal sealed unsafe class TokenUserPeerOwners : IPeerOwners
{
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
        if (OwningProcess(peer, self) is not { } pid)
        {
            return false;
        }

        owner = $"process {pid}";
        return pid == (uint)Environment.ProcessId || UserOf(pid) is { } user && _self.Equals(user);
    }

    private static uint? OwningProcess(IPEndPoint local, IPEndPoint remote)
    {
        var family = local.AddressFamily;
        var addressFamily = family == AddressFamily.InterNetworkV6 ? IpHlpApi.AF_INET6 : IpHlpApi.AF_INET;
        uint size = 0;
        // The table grows between the two calls when connections open: ask again with the size it says.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var buffer = new byte[Math.Max(size, 4)];
            fixed (byte* table = buffer)
            {
                var result = IpHlpApi.GetExtendedTcpTable(table, &size, false, addressFamily, IpHlpApi.TCP_TABLE_OWNER_PID_ALL, 0);
                if (result == IpHlpApi.NO_ERROR)
                {
                    return TcpOwnerTable.FindOwner(buffer.AsSpan(0, (int)Math.Min(size, (uint)buffer.Length)), family, local, remote);
                }

                if (result != IpHlpApi.ERROR_INSUFFICIENT_BUFFER)
                {
                    return null;
                }
            }
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

    /// <summary>An IPv4 address mapped into IPv6 (a dual-mode socket) is found in the IPv4 table.</summary>
    private static IPEndPoint Normal(IPEndPoint endpoint) =>
        endpoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endpoint.Address.MapToIPv4(), endpoint.Port) : endpoint;
}
