using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using TrayPop.Core.Diagnostics;
using TrayPop.Core.Calls;
using TrayPop.Hosting;
using TrayPop.Intake.Listening;

namespace TrayPop.Hosting.Cli;

/// <summary>
/// <c>traypop pop NUMBER</c>: hands one call event to this session's running TrayPop over its line protocol (one JSON
/// line out, one JSON line back) and returns at once; says plainly when none is running. Softphones such as MicroSIP run
/// it with the number appended, on every call, so it writes the line by hand (<see cref="PopLine"/>) on a plain socket.
/// </summary>
internal static class PopVerb
{
    private const int TimeoutMilliseconds = 10_000;
    private const int MaxReplyBytes = 1024 * 1024;

    public static Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, CallEvent callEvent, CancellationToken cancellationToken)
    {
        var target = PopTarget.Read(settings, platform);
        return Task.FromResult(target.LinePort == 0
            ? LineOff()
            : Send(platform, target.LinePort, PopLine.For(callEvent, target.Token), cancellationToken));
    }

    /// <summary>
    /// The fast path for plain pop arguments (<see cref="PopArguments"/>), without System.CommandLine; null when the
    /// arguments or the settings need it, so its help and error texts stay what they are.
    /// </summary>
    public static int? TryRunPlain(IReadOnlyList<string> settings, IReadOnlyList<string> verbs, TrayPopPlatform platform)
    {
        if (PopArguments.Parse(verbs) is not { } callEvent)
        {
            return null;
        }

        PopTarget target;
        try
        {
            target = PopTarget.Read(settings, platform);
        }
#pragma warning disable CA1031 // Nothing was sent yet: System.CommandLine runs the verb again and reports the failure as it always has.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        if (target.LinePort == 0)
        {
            return LineOff();
        }

        try
        {
            return Send(platform, target.LinePort, PopLine.For(callEvent, target.Token), CancellationToken.None);
        }
#pragma warning disable CA1031 // What System.CommandLine does with an exception from a verb: print it, exit 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine("Unhandled exception: " + ex);
            return 1;
        }
    }

    private static int LineOff()
    {
        Console.Error.WriteLine("traypop pop needs the line protocol, and TrayPop:Listener:LinePort is 0 (off). Give it a port, or remove the setting to use this session's; or send the event to the HTTP intake instead (GET /call?number=…).");
        return StartupErrors.BadConfiguration;
    }

    /// <summary>
    /// Sends one line to this session's line port (after the same-user check) and hands the reply to <paramref name="onReply"/>
    /// (by default: printed, escaped); an error line is printed to stderr with exit 2. <c>traypop recent</c> asks through it too.
    /// </summary>
    internal static int Send(TrayPopPlatform platform, int port, byte[] line, CancellationToken cancellationToken, Func<string, int>? onReply = null)
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            SendTimeout = TimeoutMilliseconds,
            ReceiveTimeout = TimeoutMilliseconds,
        };
        // A blocking socket hears of cancellation (Ctrl+C under System.CommandLine) by being closed.
        using var cancel = cancellationToken.Register(socket.Dispose);
        try
        {
            return Exchange(socket, endpoint, platform, line, onReply ?? PrintReply);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static int Exchange(Socket socket, IPEndPoint endpoint, TrayPopPlatform platform, byte[] line, Func<string, int> onReply)
    {
        try
        {
            socket.Connect(endpoint);
        }
        catch (SocketException)
        {
            Console.Error.WriteLine($"No TrayPop is running in this session: nothing listens on 127.0.0.1:{endpoint.Port}. Start it with 'traypop run' (or check TrayPop:Listener:LinePort and BasePort).");
            return StartupErrors.NotRunning;
        }

        if (ListenerOwners(platform)?.IsSameUser(endpoint, (IPEndPoint)socket.LocalEndPoint!) == false)
        {
            // Sessions share loopback: a port held by another user's program must not receive this call or the token.
            Console.Error.WriteLine($"Refused: 127.0.0.1:{endpoint.Port} is held by another user's program, not this user's TrayPop; nothing was sent. Stop that program, or give this session's TrayPop another TrayPop:Listener:LinePort.");
            return StartupErrors.BadConfiguration;
        }

        socket.Send(line);
        // One event, one reply: the service closes its side once it has answered and read our end.
        socket.Shutdown(SocketShutdown.Send);
        var reply = Receive(socket);
        if (IsError(reply))
        {
            Console.Error.WriteLine($"TrayPop refused the call event: {OutsideText.Escape(Reason(reply), 1024)}");
            return StartupErrors.BadConfiguration;
        }

        return onReply(reply);
    }

    private static IPeerOwners? ListenerOwners(TrayPopPlatform platform) =>
        platform.ListenerOwners?.Invoke() ?? (OperatingSystem.IsLinux() ? ProcNetTcpOwners.ForThisProcess() : null);

    private static int PrintReply(string reply)
    {
        // The reply comes from whatever holds the port: shown escaped, like any outside text.
        Console.WriteLine(OutsideText.Escape(reply, 4096));
        return 0;
    }

    /// <summary>Reads the reply line (without its <c>\n</c>).</summary>
    private static string Receive(Socket socket)
    {
        var buffer = new byte[4096];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= MaxReplyBytes)
                {
                    throw new InvalidDataException($"TrayPop's answer is longer than {MaxReplyBytes} bytes.");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = socket.Receive(buffer, length, buffer.Length - length, SocketFlags.None);
            var newline = Array.IndexOf(buffer, (byte)'\n', length, read);
            length += read;
            if (newline >= 0)
            {
                return Encoding.UTF8.GetString(buffer, 0, newline).TrimEnd('\r');
            }

            if (read == 0)
            {
                throw new InvalidDataException("TrayPop closed the connection without answering the call event.");
            }
        }
    }

    /// <summary>
    /// Whether the reply is the intake's error line, <c>{"error":"…"}</c> (a report starts with <c>"status"</c>); checked
    /// as text, so an accepted pop never loads System.Text.Json.
    /// </summary>
    private static bool IsError(string reply) => reply.StartsWith("{\"error\":", StringComparison.Ordinal);

    private static string Reason(string reply)
    {
        try
        {
            using var document = JsonDocument.Parse(reply);
            return document.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? reply : reply;
        }
        catch (JsonException)
        {
            return reply;
        }
    }
}
