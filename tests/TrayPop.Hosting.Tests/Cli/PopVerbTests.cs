using System.Net;
using System.Net.Sockets;
using System.Text;
using TrayPop.Core.Calls;
using TrayPop.Hosting.Cli;
using TrayPop.Hosting;
using TrayPop.Testing;

namespace TrayPop.Hosting.Tests.Cli;

/// <summary><c>traypop pop</c> against a stand-in intake that records the request and answers as told.</summary>
public class PopVerbTests
{
    private static async Task<(int Exit, string Request)> PopAsync(string answer, CallEvent callEvent, params string[] settings)
    {
        using var intake = new TcpListener(IPAddress.Loopback, 0);
        intake.Start();
        var port = ((IPEndPoint)intake.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await intake.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var request = new StringBuilder();
            var buffer = new byte[4096];
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    break;
                }

                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(answer));
            return request.ToString();
        });

        var exit = await PopVerb.RunAsync([$"--TrayPop:Listener:Port={port}", .. settings], TrayPopPlatform.Headless, callEvent, CancellationToken.None);
        return (exit, await serve);
    }

    [Fact]
    public async Task Run_Accepted_Exits0AndSentTheEventAsOneGet()
    {
        var (exit, request) = await PopAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", new CallEvent("\"Jane Doe\" <sip:4255550101@pbx>", CallType.Inbound, CallPhase.Ring, "c1"));

        Assert.Equal(0, exit);
        Assert.StartsWith("GET /call?number=%22Jane%20Doe%22%20%3Csip%3A4255550101%40pbx%3E&type=inbound&phase=ring&callId=c1 HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", request, StringComparison.Ordinal);
        Assert.DoesNotContain("X-TrayPop-Token", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAToken_PresentsIt()
    {
        var (exit, request) = await PopAsync("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", new CallEvent("100"), "--TrayPop:Listener:Token=secret");

        Assert.Equal(0, exit);
        Assert.Contains("\r\nX-TrayPop-Token: secret\r\n", request, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 27\r\n\r\n{\"error\":\"the number is e\"}")]
    [InlineData("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n{\"error\":\"the token is wrong\"}")]
    [InlineData("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")]
    public async Task Run_Refused_Exits2(string answer)
    {
        var (exit, _) = await PopAsync(answer, new CallEvent("100"));

        Assert.Equal(StartupErrors.BadConfiguration, exit);
    }

    [Fact]
    public async Task Run_NothingListening_Exits3()
    {
        var exit = await PopVerb.RunAsync([$"--TrayPop:Listener:Port={FreePort.Next()}"], TrayPopPlatform.Headless, new CallEvent("100"), CancellationToken.None);

        Assert.Equal(StartupErrors.NotRunning, exit);
    }

    [Fact]
    public void TryRunPlain_Help_IsLeftToSystemCommandLine()
    {
        Assert.Null(PopVerb.TryRunPlain([], ["pop", "--help"], TrayPopPlatform.Headless));
    }

    [Fact]
    public void TryRunPlain_ATokenNoHeaderMayCarry_IsLeftToSystemCommandLineBeforeAnythingIsSent()
    {
        Assert.Null(PopVerb.TryRunPlain([$"--TrayPop:Listener:Port={FreePort.Next()}", "--TrayPop:Listener:Token=jalapeño"], ["pop", "100"], TrayPopPlatform.Headless));
    }

    [Fact]
    public void TryRunPlain_NothingListening_Exits3WithoutSystemCommandLine()
    {
        Assert.Equal(StartupErrors.NotRunning, PopVerb.TryRunPlain([$"--TrayPop:Listener:Port={FreePort.Next()}"], ["pop", "100"], TrayPopPlatform.Headless));
    }
}
