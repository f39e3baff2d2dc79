using System.Runtime.Versioning;
using System.Diagnostics;
using TrayPop.SystemTests.Support;

namespace TrayPop.SystemTests.Softphones;

/// <summary>
/// twinkle-console configured exactly as <c>samples/softphones/twinkle</c> says, in a home of its own (null audio,
/// its own SIP port), driven through a pty (<c>script</c>) as an agent types at it. The profile is a few
/// peer-to-peer keys followed by the sample's <c>twinkle.cfg</c> with only its install path pointed at the sample
/// script in this checkout; the script runs unmodified. A <c>curl</c> first on Twinkle's PATH runs the real curl
/// and records each trigger, its exit code and TrayPop's reply, so a test can wait for the script to have finished.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class TwinklePhone : IAsyncDisposable
{
    public const string InstallPath = "/usr/local/lib/traypop/softphones/twinkle/traypop-twinkle.sh";

    private readonly Process _process;
    private readonly OutputLog _output = new();
    private readonly string _events;

    private TwinklePhone(Process process, string home, int sipPort)
    {
        _process = process;
        Home = home;
        SipPort = sipPort;
        _events = Path.Combine(home, "hook-events.txt");
    }

    public string Home { get; }

    public int SipPort { get; }

    public static string SampleFolder => Path.Combine(Repository.Root, "samples", "softphones", "twinkle");

    /// <summary>What Twinkle printed (its console, and the sample script's stderr).</summary>
    public string Output => _output.ToString().Replace("\r", "", StringComparison.Ordinal);

    /// <summary>One line per finished hook: trigger, curl's exit code, TrayPop's reply.</summary>
    public IReadOnlyList<string> Hooks => File.Exists(_events) ? File.ReadAllLines(_events) : [];

    public static async Task<TwinklePhone> StartAsync(string home, int trayPopPort)
    {
        var sipPort = FreeUdpPort();
        var twinkle = Directory.CreateDirectory(Path.Combine(home, ".twinkle")).FullName;
        await File.WriteAllTextAsync(Path.Combine(home, ".asoundrc"), "pcm.!default { type null }\nctl.!default { type hw card 0 }\n");
        await File.WriteAllTextAsync(Path.Combine(twinkle, "twinkle.sys"), $"sip_udp_port={sipPort}\nrtp_port={FreeUdpPort()}\n");
        await File.WriteAllTextAsync(Path.Combine(twinkle, "agent.cfg"), Profile());

        var bin = Directory.CreateDirectory(Path.Combine(home, "bin")).FullName;
        var curl = SystemTools.Find("curl") ?? throw new InvalidOperationException("curl is needed by the Twinkle sample script");
        var shim = Path.Combine(bin, "curl");
        await File.WriteAllTextAsync(shim,
            "#!/bin/sh\n" +
            "# Test only: the real curl, then a record of what the sample script's call got.\n" +
            $"out=$('{curl}' \"$@\")\nrc=$?\nprintf '%s' \"$out\"\n" +
            "printf '%s %s %s\\n' \"$TWINKLE_TRIGGER\" \"$rc\" \"$out\" >> \"$HOME/hook-events.txt\"\nexit $rc\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var info = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        foreach (var argument in new[] { "-qfec", "twinkle-console agent.cfg", "/dev/null" })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("TrayPop__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("TRAYPOP_", StringComparison.Ordinal) || k == "XDG_CONFIG_HOME").ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["HOME"] = home;
        info.Environment["PATH"] = bin + Path.PathSeparator + info.Environment["PATH"];
        info.Environment["TRAYPOP_PORT"] = $"{trayPopPort}";
        info.Environment["TERM"] = "dumb";

        var process = Process.Start(info) ?? throw new InvalidOperationException("script (util-linux) did not start");
        var phone = new TwinklePhone(process, home, sipPort);
        process.OutputDataReceived += (_, e) => phone._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => phone._output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await phone.WaitForOutputAsync("Local IP", "Twinkle to start");
        return phone;
    }

    /// <summary>A line typed at Twinkle's prompt (answer, reject, bye, call sip:…, auto_answer -a on).</summary>
    public async Task TypeAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    public Task WaitForOutputAsync(string text, string what) =>
        Eventually.True(() => Output.Contains(text, StringComparison.Ordinal), $"{what} (Twinkle printed:\n{Output})", TimeSpan.FromSeconds(60));

    /// <summary>Waits until the sample script has finished for each of <paramref name="triggers"/>.</summary>
    public Task WaitForHooksAsync(params string[] triggers) =>
        Eventually.True(() => triggers.All(t => Hooks.Any(h => h.StartsWith(t + " ", StringComparison.Ordinal))),
            $"the sample script to run for {string.Join(", ", triggers)} (ran: {string.Join(" | ", Hooks)}; Twinkle printed:\n{Output})",
            TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await TypeAsync("quit");
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _process.WaitForExitAsync(quit.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    /// <summary>The profile: a peer-to-peer account, then the sample's SCRIPTS section as published.</summary>
    private static string Profile()
    {
        var sample = File.ReadAllText(Path.Combine(SampleFolder, "twinkle.cfg"));
        var uses = sample.Split("=" + InstallPath).Length - 1;
        if (uses != 8)
        {
            throw new InvalidOperationException($"samples/softphones/twinkle/twinkle.cfg should name {InstallPath} for all 8 triggers; it does {uses} times");
        }

        return "user_name=agent\nuser_domain=127.0.0.1\nregistrar=\nregister_at_startup=no\nsip_transport=udp\n\n" +
               sample.Replace(InstallPath, Path.Combine(SampleFolder, "traypop-twinkle.sh"), StringComparison.Ordinal);
    }

    public static bool IsFreeUdpPort(int port)
    {
        try
        {
            using var socket = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// A port free for UDP on loopback and for TCP on every address: Twinkle binds its SIP port for both, and the
    /// ephemeral range is full of TIME_WAIT sockets after the intake tests, which refuse a TCP bind to that number.
    /// </summary>
    public static int FreeUdpPort()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var udp = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            var port = ((System.Net.IPEndPoint)udp.Client.LocalEndPoint!).Port;
            try
            {
                using var tcp = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                tcp.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Any, port));
                return port;
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 100)
            {
            }
        }
    }
}
