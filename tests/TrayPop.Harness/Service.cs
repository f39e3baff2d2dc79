using System.Diagnostics;
using TrayPop.Testing;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace TrayPop.Harness;

/// <summary>A <c>traypop run</c> child process of the journal run, with its ports and outbox, that can be SIGKILLed and started again.</summary>
internal sealed class Service : IDisposable
{
    private readonly string _program;
    private readonly List<string> _arguments;
    private readonly HttpClient _http;
    private ChildProcess _process;

    private Service(string program, List<string> arguments, int port, int linePort)
    {
        (_program, _arguments, Port, LinePort) = (program, arguments, port, linePort);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _process = ChildProcess.Start(program, arguments);
    }

    public int Port { get; }

    public int LinePort { get; }

    /// <summary>Goes up by one with every restart; a softphone that lost its connections waits for the next one.</summary>
    public int Generation { get; private set; }

    public static Service Start(string traypop, Uri crm, string work, string name, bool journal, string? outbox)
    {
        var (port, linePort) = (FreePort.Next(), FreePort.Next());
        List<string> arguments =
        [
            "run", $"--TrayPop:Dataverse:Url={crm.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None", "--TrayPop:Phone:DefaultRegion=US",
            $"--TrayPop:Listener:Port={port}", $"--TrayPop:Listener:LinePort={linePort}", $"--TrayPop:Logging:Directory={Path.Combine(work, "logs-" + name)}",
            "--TrayPop:Browser:Command=/bin/true {url}", "--TrayPop:Pop:RateLimit:Pops=1000000", "--TrayPop:Pop:DedupeWindow=00:00:00",
            "--TrayPop:Listener:MaxEventsPerSecond=1000000", "--TrayPop:Listener:MaxLookupsPerSecond=1000",
            $"--TrayPop:Journal:Enabled={(journal ? "true" : "false")}", "--TrayPop:Journal:MissedCalls=true",
        ];
        if (outbox is not null)
        {
            arguments.Add($"--TrayPop:Journal:Outbox={outbox}");
        }

        return new Service(traypop, arguments, port, linePort);
    }

    public async Task ReadyAsync()
    {
        try
        {
            await Listening.WaitForAsync(Port);
            await Listening.WaitForAsync(LinePort);
        }
        catch (SocketException)
        {
            throw new InvalidOperationException($"traypop run did not listen on {Port}/{LinePort}; its last output:\n{_process.LastOutput}");
        }
    }

    /// <summary>SIGKILL (no shutdown code runs), then the same command line again, as a user restarting TrayPop would.</summary>
    public async Task KillAndRestartAsync()
    {
        _process.Dispose();
        _process = ChildProcess.Start(_program, _arguments);
        Generation++;
        await ReadyAsync();
    }

    /// <summary>Calls waiting in the outbox, from <c>/health</c>; -1 while the service does not answer.</summary>
    public async Task<int> WaitingAsync()
    {
        try
        {
            using var health = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/health", UriKind.Relative)));
            return health.RootElement.GetProperty("journal").GetProperty("waiting").GetInt32();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return -1;
        }
    }

    public async Task<string> HealthAsync()
    {
        using var health = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/health", UriKind.Relative)));
        return health.RootElement.GetProperty("journal").GetRawText();
    }

    public void Dispose()
    {
        _process.Dispose();
        _http.Dispose();
    }
}
