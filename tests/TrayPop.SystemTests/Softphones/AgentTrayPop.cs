using System.Runtime.Versioning;
using System.Diagnostics;
using System.Net;
using System.Reflection;
using TrayPop.SystemTests.Support;
using TrayPop.Testing;

namespace TrayPop.SystemTests.Softphones;

/// <summary>
/// The real <c>traypop run</c> (src/TrayPop's own build output) for one agent: the emulator as its CRM, a
/// recording browser command that appends every URL it is handed to a file, and the agent's home as its HOME.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class AgentTrayPop : IAsyncDisposable
{
    private static readonly string Dll = typeof(AgentTrayPop).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TrayPopDll").Value!;

    private readonly Process _process;
    private readonly OutputLog _output = new();
    private readonly string _opened;

    private AgentTrayPop(Process process, int port, string opened)
    {
        _process = process;
        Port = port;
        _opened = opened;
    }

    public int Port { get; }

    /// <summary>The URLs the browser was asked to open, in order.</summary>
    public IReadOnlyList<string> Opened => File.Exists(_opened) ? File.ReadAllLines(_opened) : [];

    public string Output => _output.ToString();

    public static async Task<AgentTrayPop> StartAsync(string home, Uri crm, params string[] settings)
    {
        var browser = Path.Combine(home, "browser.sh");
        var opened = Path.Combine(home, "opened.txt");
        await File.WriteAllTextAsync(browser, "#!/bin/sh\nprintf '%s\\n' \"$1\" >> \"$(dirname \"$0\")/opened.txt\"\n");
        File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args = [Dll, "run",
            $"--TrayPop:Dataverse:Url={crm.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None",
            "--TrayPop:Phone:DefaultRegion=US", $"--TrayPop:Listener:Port={port}", "--TrayPop:Listener:LinePort=0",
            $"--TrayPop:Browser:Command={browser} {{url}}", "--TrayPop:Pop:UnknownCaller=NewContactForm",
            $"--TrayPop:Logging:Directory={Path.Combine(home, "logs")}", .. settings];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The machine's own settings must not leak into what is tested.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("TrayPop__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["HOME"] = home;
        var process = Process.Start(info) ?? throw new InvalidOperationException("traypop did not start");
        var trayPop = new AgentTrayPop(process, port, opened);
        process.OutputDataReceived += (_, e) => trayPop._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => trayPop._output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        await Eventually.True(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"traypop run exited {process.ExitCode}:\n{trayPop.Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "traypop run to listen", TimeSpan.FromSeconds(30));
        return trayPop;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
