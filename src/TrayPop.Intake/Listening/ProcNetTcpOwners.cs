using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace TrayPop.Intake.Listening;

/// <summary>
/// Linux: finds a socket's owner uid in the kernel's TCP tables (<c>/proc/net/tcp</c>, <c>/proc/net/tcp6</c>: the row
/// whose local address is the peer's and whose remote address is ours) and compares it with this process's effective
/// uid (from <c>/proc/self/status</c>). The paths are injectable so tests read fixtures.
/// </summary>
internal sealed class ProcNetTcpOwners(IReadOnlyList<string> tables, string ownUid) : IPeerOwners
{
    public static readonly string[] KernelTables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>The tables of this machine and this process's effective uid.</summary>
    public static ProcNetTcpOwners ForThisProcess() => new(KernelTables, EffectiveUid("/proc/self/status"));

    public bool? IsSameUser(IPEndPoint peer, IPEndPoint self) => IsSameUser(peer, self, out _);

    /// <summary>The same check; the owner is the row's uid (the process would take a walk through every <c>/proc/PID/fd</c>).</summary>
    public bool? IsSameUser(IPEndPoint peer, IPEndPoint self, out string? owner)
    {
        var uid = OwnerUid(peer, self);
        owner = uid is null ? null : $"uid {uid}";
        return uid == ownUid;
    }

    /// <summary>The uid column of the row for the socket at <paramref name="local"/> connected to <paramref name="remote"/>; null when none.</summary>
    public string? OwnerUid(IPEndPoint local, IPEndPoint remote)
    {
        local = Normal(local);
        remote = Normal(remote);
        foreach (var table in tables)
        {
            IEnumerable<string> lines;
            try
            {
                lines = File.ReadLines(table);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 7
                    && TryEndpoint(fields[1], out var rowLocal) && rowLocal.Equals(local)
                    && TryEndpoint(fields[2], out var rowRemote) && rowRemote.Equals(remote))
                {
                    return fields[7];
                }
            }
        }

        return null;
    }

    /// <summary>The effective uid: the second number of the <c>Uid:</c> line of <c>/proc/self/status</c>.</summary>
    public static string EffectiveUid(string statusPath)
    {
        foreach (var line in File.ReadLines(statusPath))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                var ids = line[4..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                return ids[1];
            }
        }

        throw new InvalidDataException($"{statusPath} has no Uid line.");
    }

    /// <summary>Reads <c>0100007F:1F90</c> (IPv4) or 32 hex digits and a port (IPv6): each 32-bit word in host byte order.</summary>
    internal static bool TryEndpoint(string text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        var colon = text.IndexOf(':');
        if (colon is not (8 or 32) || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
        {
            return false;
        }

        var bytes = new byte[colon / 2];
        for (var word = 0; word < colon / 8; word++)
        {
            if (!uint.TryParse(text.AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            if (BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(word * 4), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(word * 4), value);
            }
        }

        endpoint = Normal(new IPEndPoint(new IPAddress(bytes), port));
        return true;
    }

    /// <summary>An IPv4 address mapped into IPv6 (a dual-mode client's socket) is the IPv4 address.</summary>
    private static IPEndPoint Normal(IPEndPoint endpoint) =>
        endpoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endpoint.Address.MapToIPv4(), endpoint.Port) : endpoint;
}
