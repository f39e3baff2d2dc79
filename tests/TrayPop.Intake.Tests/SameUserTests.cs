using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayPop.Intake.Listening;
using TrayPop.Testing;

namespace TrayPop.Intake.Tests;

/// <summary>Only the agent's own processes drive the intake: another user's connection gets 403 or an error line, and no lookup.</summary>
public sealed class SameUserTests : IAsyncDisposable
{
    private RunningService? _service;

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    /// <summary>The real kernel tables, read as if this process ran as another uid: every peer (this test) is "another user".</summary>
    private async Task<RunningService> StartAsOtherUserAsync(params string[] settings) =>
        _service = await RunningService.StartAsync(settings, services: services =>
            services.AddSingleton<IPeerOwners>(new ProcNetTcpOwners(ProcNetTcpOwners.KernelTables, ownUid: "4242424")));

    [Fact]
    public async Task Http_ConnectionFromThisUser_IsServed()
    {
        _service = await RunningService.StartAsync();

        using var response = await _service.Http.GetAsync(new Uri("/call?number=%2B14255550101", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Http_PeerOfAnotherUser_Gets403_AndNoLookup()
    {
        var service = await StartAsOtherUserAsync();

        using var response = await service.Http.GetAsync(new Uri("/call?number=%2B14255550101", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("another user", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(service.Launcher.Opened);
        Assert.Equal(0, service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Line_PeerOfAnotherUser_GetsAnErrorLine_AndNoLookup()
    {
        var service = await StartAsOtherUserAsync();

        var replies = await LineClient.SendAsync(service.LinePort, "{\"number\":\"+14255550101\"}\n", 2);

        Assert.Contains("another user", replies[0], StringComparison.Ordinal);
        Assert.Equal("", replies[1]);
        Assert.Empty(service.Launcher.Opened);
        Assert.Equal(0, service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task MalformedRequests_OnManyConnections_AreLoggedOnce_UnderThePeersUid_NotItsPort()
    {
        var logs = new CapturedLogs();
        _service = await RunningService.StartAsync(services: services => services.AddSingleton(Refusals(logs)));

        // Each connection comes from another ephemeral port: the source stays the process's user, so the quiet holds.
        for (var i = 0; i < 20; i++)
        {
            await using var connection = await RawHttpConnection.OpenAsync(_service.Port);
            await connection.SendAsync("GET /call\u0001 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            Assert.Equal(400, (await connection.ReadResponseAsync())!.Status);
        }

        var refusal = Assert.Single(logs.Entries, e => e.Text.Contains("invalid request target", StringComparison.Ordinal));
        Assert.Contains($"from a local process (uid {OwnUid})", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_BadFirstLines_OnManyConnections_AreLoggedOnce_UnderThePeersUid()
    {
        var logs = new CapturedLogs();
        _service = await RunningService.StartAsync(services: services => services.AddSingleton(Refusals(logs)));

        for (var i = 0; i < 20; i++)
        {
            await LineClient.SendAsync(_service.LinePort, "GET / HTTP/1.1\n", 1);
        }

        var refusal = Assert.Single(logs.Entries, e => e.Text.Contains("not a JSON object", StringComparison.Ordinal));
        Assert.Contains($"from a local process (uid {OwnUid})", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeerOfAnotherUser_IsLoggedUnderItsUid()
    {
        var logs = new CapturedLogs();
        _service = await RunningService.StartAsync(services: services =>
        {
            services.AddSingleton<IPeerOwners>(new ProcNetTcpOwners(ProcNetTcpOwners.KernelTables, ownUid: "4242424"));
            services.AddSingleton(Refusals(logs));
        });

        using var response = await _service.Http.GetAsync(new Uri("/call?number=%2B14255550101", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var refusal = Assert.Single(logs.Entries);
        Assert.Contains($"from another user's process (uid {OwnUid})", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowOtherUsers_TurnsTheCheckOff()
    {
        var service = await StartAsOtherUserAsync("--TrayPop:Listener:AllowOtherUsers=true");

        using var response = await service.Http.GetAsync(new Uri("/call?number=%2B14255550101", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>
    /// End to end with a real second user: as root (as CI runs), curl runs as <c>nobody</c> through <c>setpriv</c>.
    /// Elsewhere this process cannot become another user, and the fixture tests above stand in.
    /// </summary>
    [Fact]
    public async Task RealSecondUser_IsRefused_OnBothChannels()
    {
        if (!OperatingSystem.IsLinux() || ProcNetTcpOwners.EffectiveUid("/proc/self/status") != "0" || !File.Exists("/usr/bin/setpriv") || !File.Exists("/usr/bin/curl"))
        {
            Assert.NotEqual("required", Environment.GetEnvironmentVariable("TRAYPOP_SYSTEM_TESTS"));
            return;
        }

        _service = await RunningService.StartAsync();

        var http = await AsNobodyAsync("/usr/bin/curl", "-s", "-o", "-", "-w", "\n%{http_code}", $"http://127.0.0.1:{_service.Port}/call?number=%2B14255550101");
        var line = await AsNobodyAsync("/usr/bin/curl", "-s", "--max-time", "5", "-d", "{\"number\":\"+14255550101\"}", $"telnet://127.0.0.1:{_service.LinePort}");
        var mine = await LineClient.SendAsync(_service.LinePort, "{\"number\":\"+14255550101\"}\n", 1);

        Assert.EndsWith("403", http.Trim(), StringComparison.Ordinal);
        Assert.Contains("another user", line, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"opened\"", mine[0], StringComparison.Ordinal);
        Assert.Single(_service.Launcher.Opened);
    }

    private static string OwnUid => ProcNetTcpOwners.EffectiveUid("/proc/self/status");

    private static RefusalLog Refusals(CapturedLogs logs) =>
        new(TimeProvider.System, LoggerFactory.Create(logging => logging.AddProvider(logs)).CreateLogger<RefusalLog>());

    private static async Task<string> AsNobodyAsync(params string[] command)
    {
        var start = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var argument in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "--", .. command])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
