using System.Net;
using System.Net.Sockets;
using DataverseEmulator;
using TrayPop.SystemTests.Support;
using TrayPop.Testing;

namespace TrayPop.SystemTests.Windows;

/// <summary>
/// Same user only, with the Windows check itself (GetExtendedTcpTable's owning process and its token's user) running
/// under Wine and TrayPop:Listener:AllowOtherUsers left off. What Wine 8 reports decides what can be shown: all Wine
/// processes run as one user, and a socket names its Wine process only while that process is blocked on it in a
/// synchronous call; a Linux process's sockets name none (pid 0), so the check counts them as another user's.
/// </summary>
[Trait("Category", "System")]
public sealed class WindowsTraySameUserTests(ITestOutputHelper output)
{
    private const string JaneDoeId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";

    /// <summary>
    /// A prefix of its own (kept between runs): the tray test's prefix has its own TrayPop (one per session) and its
    /// own <c>wineserver -k</c>, and xunit runs the two classes side by side.
    /// </summary>
    private static readonly string Prefix = Path.Combine(Path.GetTempPath(), "traypop-system-tests", "same-user-prefix");

    /// <summary>
    /// A Windows program of this user: a script run by Wine's cscript that sends one request with WinHTTP's COM object
    /// and waits for the answer, as softphones that open a URL do; prints the status and the body.
    /// </summary>
    private const string WinHttpClient = """
        var request = new ActiveXObject("WinHttp.WinHttpRequest.5.1");
        request.Open("GET", WScript.Arguments(0), false);
        request.Send();
        WScript.Echo(request.Status);
        WScript.Echo(request.ResponseText);
        """;

    [SystemFact("wine", "wineserver", "Xvfb")]
    public async Task Intake_UnderWine_ServesAWindowsClientOfThisUser_RefusesALinuxClientWith403()
    {
        SystemTools.Require(["wine", "wineserver", "Xvfb"]);
        var exe = await WindowsBuild.ExeAsync();
        await using var desktop = await WineDesktop.StartAsync(Prefix);
        await using var crm = await EmulatorServer.StartAsync(EmulatorSeed.Sample);
        var log = new OutputLog();
        var port = FreePort.Next();
        var script = Path.Combine(Repository.Artifacts, "winhttp-get.js");
        await File.WriteAllTextAsync(script, WinHttpClient);
        try
        {
            desktop.StartWine(exe, [
                "run", $"--TrayPop:Dataverse:Url={crm.BaseUri.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None",
                $"--TrayPop:Listener:Port={port}", $"--TrayPop:Listener:LinePort={FreePort.Next()}"], log);

            // Every connection TrayPop accepts now costs a read of Wine's TCP table, which is slow on a loaded machine
            // (Wine reads every socket's owner from /proc): the log says when TrayPop is up, instead of probing it.
            await Eventually.True(() => log.Contains("Connection check at start: Reachable"), "TrayPop to start and reach the CRM", TimeSpan.FromMinutes(3));

            // The Windows-side client of this user: its socket names its process while it waits, and that token's user is ours.
            var (exit, reply) = await Command.RunAsync(
                "wine", ["cscript", "//nologo", "Z:" + script.Replace('/', '\\'), $"http://127.0.0.1:{port}/call?number=%2B14255550101&type=inbound&callId=wine-1"],
                desktop.Environment, TimeSpan.FromMinutes(5));
            output.WriteLine("WinHTTP client: " + reply);
            Assert.Equal(0, exit);
            Assert.StartsWith("202", reply.Trim(), StringComparison.Ordinal);
            Assert.Contains("\"status\":\"opened\"", reply, StringComparison.Ordinal);
            var opened = await Eventually.Get(() => Task.FromResult(desktop.LaunchedUrls() is [var first, ..] ? first : null), "the browser to be asked for Jane Doe's record");
            Assert.Contains($"etn=contact&id={JaneDoeId}", opened, StringComparison.Ordinal);

            // This test is a Linux process: Wine's TCP table names no process for its socket, so TrayPop refuses it
            // before reading the request, and nothing opens.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
            using var refused = await http.GetAsync(new Uri("call?number=%2B14255550101&type=inbound&callId=linux-1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Single(desktop.LaunchedUrls());
            Assert.True(log.Contains("Refused a http request from another user's process"), "the refusal should be logged");
        }
        finally
        {
            output.WriteLine("TrayPop output:\n" + log);
        }
    }

    /// <remarks>
    /// Under Wine, pop refuses this user's own TrayPop too: TrayPop's intakes read overlapped, so Wine never names their
    /// end of a connection (Windows names the listening process at once), and a same-user TrayPop cannot be shown accepted.
    /// </remarks>
    [SystemFact("wine", "wineserver", "Xvfb")]
    public async Task Pop_UnderWine_ToAPortNoProcessOfThisUserHolds_RefusesAndSendsNothing()
    {
        SystemTools.Require(["wine", "wineserver", "Xvfb"]);
        var exe = await WindowsBuild.ExeAsync();
        await using var desktop = await WineDesktop.StartAsync(Prefix);

        // A Linux-side squatter on the line port: Wine's TCP table names no process (pid 0) for its end.
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var accepted = squatter.AcceptSocketAsync();

        var (exit, said) = await Command.RunAsync(
            "wine", [exe, "pop", $"--TrayPop:Listener:LinePort={port}", "--TrayPop:Listener:Token=s3cret", "+14255550101"],
            desktop.Environment, TimeSpan.FromMinutes(2));
        output.WriteLine("pop: " + said);

        Assert.Equal(2, exit);
        Assert.Contains("held by another user's program", said, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", said, StringComparison.Ordinal);
        // pop has exited, so whatever it sent has arrived: nothing, neither the event nor the token.
        using var connection = await accepted;
        Assert.Equal(0, await ReceivedBytesAsync(connection));
    }

    private static async Task<int> ReceivedBytesAsync(Socket connection)
    {
        var buffer = new byte[1024];
        var total = 0;
        try
        {
            int read;
            while ((read = await connection.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                total += read;
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // Closed with a reset: what arrived before it is counted.
        }

        return total;
    }
}
