using System.Net;
using System.Net.Sockets;
using System.Text;
using TrayPop.Core.Calls;
using TrayPop.Hosting.Cli;
using TrayPop.Hosting;
using TrayPop.Intake;
using TrayPop.Testing;

namespace TrayPop.Hosting.Tests.Cli;

/// <summary><c>traypop pop</c> against a stand-in line intake that records the line and answers as told.</summary>
public class PopVerbTests
{
    private static async Task<(int Exit, string Line, string Error)> PopAsync(string reply, CallEvent callEvent, params string[] settings)
    {
        using var intake = new TcpListener(IPAddress.Loopback, 0);
        intake.Start();
        var port = ((IPEndPoint)intake.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await intake.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var line = new List<byte>();
            var buffer = new byte[4096];
            while (!line.Contains((byte)'\n'))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    break;
                }

                line.AddRange(buffer.AsSpan(0, read));
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(reply));
            return Encoding.UTF8.GetString([.. line]);
        });

        var error = new StringWriter();
        var before = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await PopVerb.RunAsync([$"--TrayPop:Listener:LinePort={port}", .. settings], TrayPopPlatform.Headless, callEvent, CancellationToken.None);
            return (exit, await serve, error.ToString());
        }
        finally
        {
            Console.SetError(before);
        }
    }

    [Fact]
    public async Task Run_Accepted_Exits0AndSentTheEventAsOneJsonLine()
    {
        var (exit, line, _) = await PopAsync("{\"status\":\"opened\"}\n", new CallEvent("\"Jane Doe\" <sip:4255550101@pbx>", CallType.Inbound, CallPhase.Ring, "c1"));

        Assert.Equal(0, exit);
        Assert.Equal("{\"number\":\"\\\"Jane Doe\\\" <sip:4255550101@pbx>\",\"type\":\"inbound\",\"phase\":\"ring\",\"callId\":\"c1\"}\n", line);
    }

    [Fact]
    public async Task Run_WithAToken_PresentsItAsTheTokenField()
    {
        var (exit, line, _) = await PopAsync("{\"status\":\"opened\"}\n", new CallEvent("100"), "--TrayPop:Listener:Token=jalapeño \"secret\"");

        Assert.Equal(0, exit);
        Assert.Equal("jalapeño \"secret\"", CallEventDecoder.FromJson(Encoding.UTF8.GetBytes(line.TrimEnd('\n'))).Token);
    }

    [Theory]
    [InlineData("{\"error\":\"the TrayPop token is missing or wrong (a \\\"token\\\" field)\"}\n", "TrayPop refused the call event: the TrayPop token is missing or wrong (a \"token\" field)")]
    [InlineData("{\"error\":\"number is required\"}\r\n", "TrayPop refused the call event: number is required")]
    [InlineData("{\"error\":\"too many connections\"}\n", "TrayPop refused the call event: too many connections")]
    public async Task Run_Refused_Exits2WithTheReason(string reply, string message)
    {
        var (exit, _, error) = await PopAsync(reply, new CallEvent("100"));

        Assert.Equal(StartupErrors.BadConfiguration, exit);
        Assert.Equal(message, error.TrimEnd());
    }

    [Fact]
    public async Task Run_NothingListening_Exits3()
    {
        var exit = await PopVerb.RunAsync([$"--TrayPop:Listener:LinePort={FreePort.Next()}"], TrayPopPlatform.Headless, new CallEvent("100"), CancellationToken.None);

        Assert.Equal(StartupErrors.NotRunning, exit);
    }

    [Fact]
    public async Task Run_LineIntakeOff_Exits2SayingItNeedsTheLinePort()
    {
        var error = new StringWriter();
        var before = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await PopVerb.RunAsync(["--TrayPop:Listener:LinePort=0"], TrayPopPlatform.Headless, new CallEvent("100"), CancellationToken.None);

            Assert.Equal(StartupErrors.BadConfiguration, exit);
            Assert.Contains("TrayPop:Listener:LinePort is 0", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetError(before);
        }
    }

    [Fact]
    public void TryRunPlain_Help_IsLeftToSystemCommandLine()
    {
        Assert.Null(PopVerb.TryRunPlain([], ["pop", "--help"], TrayPopPlatform.Headless));
    }

    [Fact]
    public void TryRunPlain_NothingListening_Exits3WithoutSystemCommandLine()
    {
        Assert.Equal(StartupErrors.NotRunning, PopVerb.TryRunPlain([$"--TrayPop:Listener:LinePort={FreePort.Next()}"], ["pop", "100"], TrayPopPlatform.Headless));
    }

    [Fact]
    public void TryRunPlain_LineIntakeOff_Exits2WithoutSystemCommandLine()
    {
        Assert.Equal(StartupErrors.BadConfiguration, PopVerb.TryRunPlain(["--TrayPop:Listener:LinePort=0"], ["pop", "100"], TrayPopPlatform.Headless));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" backslash \\ slash /")]
    [InlineData("tab\tnewline\nreturn\rnul\0bell\u0007")]
    [InlineData("Zoë Ülker 电话 😀 \u2028\u2029")]
    [InlineData("\"Jane Doe\" <sip:+14255550101@10.1.2.3;user=phone>")]
    public void PopLine_AnyText_IsReadBackAsItWasByTheIntake(string text)
    {
        var callEvent = new CallEvent(text, CallType.Outbound, CallPhase.End, "c-1");
        var line = PopLine.For(callEvent, text);

        Assert.Equal((byte)'\n', line[^1]);
        Assert.DoesNotContain((byte)'\n', line[..^1]);
        var decoded = CallEventDecoder.FromJson(line.AsSpan(0, line.Length - 1));
        Assert.Equal(callEvent, decoded.Event);
        Assert.Equal(text, decoded.Token);
    }

    /// <summary>As root (as CI runs), a port squatted by <c>nobody</c>'s netcat: pop refuses before sending anything.</summary>
    [Fact]
    public async Task Run_PortHeldByAnotherUser_RefusesPlainlyAndSendsNothing()
    {
        if (!OperatingSystem.IsLinux() || Intake.Listening.ProcNetTcpOwners.EffectiveUid("/proc/self/status") != "0" || !File.Exists("/usr/bin/setpriv") || !File.Exists("/usr/bin/nc"))
        {
            Assert.NotEqual("required", Environment.GetEnvironmentVariable("TRAYPOP_SYSTEM_TESTS"));
            return;
        }

        var port = FreePort.Next();
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true };
        foreach (var argument in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "--", "/usr/bin/nc", "-l", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using var squatter = System.Diagnostics.Process.Start(start)!;
        try
        {
            await Eventually.TrueAsync(() => Listening(port), "nobody's netcat listens");
            var error = new StringWriter();
            var before = Console.Error;
            Console.SetError(error);
            int exit;
            try
            {
                exit = await PopVerb.RunAsync([$"--TrayPop:Listener:LinePort={port}", "--TrayPop:Listener:Token=s3cret"], TrayPopPlatform.Headless, new CallEvent("+14255550101"), CancellationToken.None);
            }
            finally
            {
                Console.SetError(before);
            }

            squatter.Kill();
            var received = await squatter.StandardOutput.ReadToEndAsync();

            Assert.Equal(StartupErrors.BadConfiguration, exit);
            Assert.Contains("held by another user's program", error.ToString(), StringComparison.Ordinal);
            Assert.Equal("", received);
        }
        finally
        {
            if (!squatter.HasExited)
            {
                squatter.Kill();
            }
        }
    }

    private static bool Listening(int port) =>
        System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Any(endpoint => endpoint.Port == port);
}
