using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TrayPop.Core.Calls;
using TrayPop.Hosting;

namespace TrayPop.Hosting.Cli;

/// <summary>
/// <c>traypop pop NUMBER</c>: hands one call event to this session's running TrayPop over its loopback intake
/// and returns at once; says plainly when none is running. Softphones such as MicroSIP run it with the number appended,
/// on every call, so it speaks HTTP/1.1 over a plain socket (<see cref="RawHttpRequest"/>) rather than load HttpClient.
/// </summary>
internal static class PopVerb
{
    private const int TimeoutMilliseconds = 10_000;
    private const int MaxResponseBytes = 1024 * 1024;

    public static Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, CallEvent callEvent, CancellationToken cancellationToken)
    {
        var target = PopTarget.Read(settings, platform);
        return Task.FromResult(Send(target.Port, RawHttpRequest.ForCall(callEvent, target.Port, target.Token), cancellationToken));
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

        int port;
        byte[] request;
        try
        {
            var target = PopTarget.Read(settings, platform);
            port = target.Port;
            request = RawHttpRequest.ForCall(callEvent, port, target.Token);
        }
#pragma warning disable CA1031 // Nothing was sent yet: System.CommandLine runs the verb again and reports the failure as it always has.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        try
        {
            return Send(port, request, CancellationToken.None);
        }
#pragma warning disable CA1031 // What System.CommandLine does with an exception from a verb: print it, exit 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine("Unhandled exception: " + ex);
            return 1;
        }
    }

    private static int Send(int port, byte[] request, CancellationToken cancellationToken)
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
            return Exchange(socket, endpoint, request);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static int Exchange(Socket socket, IPEndPoint endpoint, byte[] request)
    {
        try
        {
            socket.Connect(endpoint);
        }
        catch (SocketException)
        {
            Console.Error.WriteLine($"No TrayPop is running in this session: nothing listens on 127.0.0.1:{endpoint.Port}. Start it with 'traypop run' (or check TrayPop:Listener:Port and BasePort).");
            return StartupErrors.NotRunning;
        }

        socket.Send(request);
        var response = Receive(socket);
        if (response.StatusCode != (int)HttpStatusCode.Accepted)
        {
            Console.Error.WriteLine($"TrayPop refused the call event ({response.StatusCode}): {Reason(response.Body)}");
            return StartupErrors.BadConfiguration;
        }

        Console.WriteLine(response.Body);
        return 0;
    }

    /// <summary>Reads until the response is complete (the server closes the connection after it, as asked).</summary>
    private static RawHttpResponse Receive(Socket socket)
    {
        var buffer = new byte[4096];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= MaxResponseBytes)
                {
                    throw new InvalidDataException($"TrayPop's answer is longer than {MaxResponseBytes} bytes.");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = socket.Receive(buffer, length, buffer.Length - length, SocketFlags.None);
            length += read;
            if (RawHttpResponse.TryParse(buffer.AsSpan(0, length), ended: read == 0) is { } response)
            {
                return response;
            }
        }
    }

    private static string Reason(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
