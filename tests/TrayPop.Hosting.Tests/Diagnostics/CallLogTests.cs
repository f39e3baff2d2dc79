using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Core.Calls;
using TrayPop.Core.Diagnostics;
using TrayPop.Testing;

namespace TrayPop.Hosting.Tests.Diagnostics;

/// <summary>The one log line per event, through the real intakes: what happened and why, masked and escaped.</summary>
public sealed class CallLogTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _factory;
    private RunningService? _service;

    public CallLogTests() => _factory = LoggerFactory.Create(builder => builder.AddProvider(_logs));

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _factory.Dispose();
    }

    private async Task<RunningService> StartAsync(params string[] settings) =>
        _service = await RunningService.StartAsync(settings, _time, services: services => services.AddSingleton(_factory.CreateLogger<CallPipeline>()));

    /// <summary>The pipeline's one line for the event with this call id.</summary>
    private string LineFor(string callId) =>
        _logs.Entries.Select(e => e.Text).Single(text => text.StartsWith("Call via", StringComparison.Ordinal) && text.Contains($" id {callId} ", StringComparison.Ordinal));

    [Fact]
    public async Task AnsweredKnownCaller_OverTheLine_SaysChannelCallCallerOutcomeStatusDecisionAndUrl_NumberMasked()
    {
        var service = await StartAsync();

        await LineClient.SendAsync(service.LinePort, "{\"number\":\"+14255550101\",\"phase\":\"answer\",\"callId\":\"c-1\"}\n", 1);

        var line = LineFor("c-1");
        Assert.StartsWith("Call via line id c-1 inbound answer from +1425*****01: lookup match, opened, decision open-record, url http://", line, StringComparison.Ordinal);
        Assert.Contains("main.aspx", line, StringComparison.Ordinal);
        Assert.DoesNotContain("4255550101", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowNumbers_ShowsTheCallerIdAsReceived()
    {
        var service = await StartAsync("--TrayPop:Logging:ShowNumbers=true");

        await LineClient.SendAsync(service.LinePort, "{\"number\":\"Jane <sip:+14255550101@pbx>\",\"callId\":\"c-2\"}\n", 1);

        Assert.Contains("now from Jane <sip:+14255550101@pbx>: lookup match, opened", LineFor("c-2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithheldCaller_IsWithheld_NotPopped()
    {
        var service = await StartAsync();

        using var response = await service.Http.GetAsync(new Uri("/call?number=%3Csip%3Apbx.example.com%3E&callId=w-1", UriKind.Relative));

        Assert.Contains("\"status\":\"withheld\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Call via http id w-1 inbound now from <sip:pbx.example.com>: lookup withheld, withheld, decision nothing, url -", LineFor("w-1"), StringComparison.Ordinal);
        Assert.Empty(service.Launcher.Opened);
    }

    [Fact]
    public async Task PopUrl_IsRedirected_NotOpened()
    {
        var service = await StartAsync();

        using var response = await service.Http.GetAsync(new Uri("/pop?number=%2B14255550101&callId=p-1", UriKind.Relative));

        // The client follows the 302 to the CRM page, as the browser would.
        Assert.Contains(TestSeed.JaneId, response.RequestMessage!.RequestUri!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("Call via http-pop id p-1 inbound now from +1425*****01: lookup match, redirected, decision open-record", LineFor("p-1"), StringComparison.Ordinal);
        Assert.Empty(service.Launcher.Opened);
    }

    [Fact]
    public async Task JunkCallerId_IsRefusedWithTheReason_AndEscaped()
    {
        var service = await StartAsync();

        await LineClient.SendAsync(service.LinePort, "{\"number\":\"x\\u001b[31m'or 1 eq 1\",\"callId\":\"j-1\"}\n", 1);

        var line = LineFor("j-1");
        Assert.Contains("from x\\u001b[31m'or 1 eq 1: lookup refused, refused, decision -, url -, why number must be a phone number", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', line);
    }

    [Fact]
    public async Task OutboundEnd_SentWithoutAType_IsLoggedAsOutbound()
    {
        var service = await StartAsync();

        await LineClient.SendAsync(service.LinePort,
            "{\"number\":\"+14255550101\",\"type\":\"outbound\",\"phase\":\"answer\",\"callId\":\"o-1\"}\n{\"number\":\"+14255550101\",\"phase\":\"end\",\"callId\":\"o-1\"}\n", 2);

        var lines = _logs.Entries.Select(e => e.Text).Where(text => text.StartsWith("Call via line id o-1 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("Call via line id o-1 outbound answer", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Call via line id o-1 outbound end from +1425*****01: lookup -, ended", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecentOverTheLine_ListsTheLastEvents_NewestFirst_Masked()
    {
        var service = await StartAsync();
        await LineClient.SendAsync(service.LinePort, "{\"number\":\"+14255550101\",\"callId\":\"r-1\"}\n{\"number\":\"anonymous\",\"callId\":\"r-2\"}\n", 2);

        var reply = (await LineClient.SendAsync(service.LinePort, "{\"command\":\"recent\"}\n", 1))[0];

        Assert.StartsWith("{\"recent\":[{\"at\":", reply, StringComparison.Ordinal);
        Assert.True(reply.IndexOf("\"callId\":\"r-2\"", StringComparison.Ordinal) < reply.IndexOf("\"callId\":\"r-1\"", StringComparison.Ordinal), reply);
        Assert.Contains("\"channel\":\"line\",\"callId\":\"r-1\",\"type\":\"inbound\",\"phase\":\"now\",\"callerId\":\"+1425*****01\",\"outcome\":\"match\",\"status\":\"opened\",\"action\":\"open-record\"", reply, StringComparison.Ordinal);
        Assert.Contains("\"callerId\":\"anonymous\",\"outcome\":\"withheld\",\"status\":\"withheld\"", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecentOverTheLine_WithoutTheToken_IsRefused()
    {
        var service = await StartAsync("--TrayPop:Listener:Token=recent-secret");
        await LineClient.SendAsync(service.LinePort, "{\"number\":\"+14255550101\",\"callId\":\"t-1\",\"token\":\"recent-secret\"}\n", 1);

        var refused = (await LineClient.SendAsync(service.LinePort, "{\"command\":\"recent\"}\n", 1))[0];
        var answered = (await LineClient.SendAsync(service.LinePort, "{\"command\":\"recent\",\"token\":\"recent-secret\"}\n", 1))[0];

        Assert.Contains("token is missing or wrong", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("t-1", refused, StringComparison.Ordinal);
        Assert.Contains("\"callId\":\"t-1\"", answered, StringComparison.Ordinal);
    }

    [Fact]
    public void EventHistory_KeepsTheLastFifty()
    {
        var history = new EventHistory();
        for (var i = 0; i < 60; i++)
        {
            history.Add(new HandledEvent(DateTimeOffset.UnixEpoch, "line", $"c{i}", "inbound", "now", "-", "-", "ended", null, null, null));
        }

        var kept = history.Snapshot();
        Assert.Equal(50, kept.Count);
        Assert.Equal("c59", kept[0].CallId);
        Assert.Equal("c10", kept[^1].CallId);
    }
}
