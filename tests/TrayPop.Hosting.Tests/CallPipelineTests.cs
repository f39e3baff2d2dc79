using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Testing;

namespace TrayPop.Hosting.Tests;

/// <summary>Call types, phases, dedupe, rate limit and the pop budget, end to end through the HTTP intake.</summary>
public sealed class CallPipelineTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private RunningService? _service;

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    private async Task<RunningService> StartAsync(params string[] settings) =>
        _service = await RunningService.StartAsync(settings, _time);

    private static async Task<JsonElement> SendAsync(RunningService service, string query)
    {
        using var response = await service.Http.GetAsync(new Uri("/call?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Inbound_RingResolvesAndAnswerPopsWithoutSecondLookup()
    {
        var service = await StartAsync();

        var ring = await SendAsync(service, "number=%2B14255550101&phase=ring&callId=q1");
        Assert.Equal("resolved", ring.GetProperty("status").GetString());
        Assert.Empty(service.Launcher.Opened);

        var answer = await SendAsync(service, "number=%2B14255550101&phase=answer&callId=q1");
        Assert.Equal("opened", answer.GetProperty("status").GetString());
        Assert.Contains(TestSeed.JaneId, service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(1, service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Inbound_LookupFailedOnRing_IsAskedAgainOnAnswer()
    {
        var service = await StartAsync();
        service.Crm.Faults.FailNext(400);

        await SendAsync(service, "number=%2B14255550101&phase=ring&callId=f1");
        await Eventually.TrueAsync(() => service.Crm.ApiRequestCount == 1, "the ring's lookup reached the CRM");
        var answer = await SendAsync(service, "number=%2B14255550101&phase=answer&callId=f1");

        Assert.Equal("open-record", answer.GetProperty("action").GetString());
        Assert.Equal(2, service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Inbound_QueueCallRingingButNeverAnswered_OpensNothing()
    {
        var service = await StartAsync();

        await SendAsync(service, "number=%2B14255550101&phase=ring&callId=q2");
        await SendAsync(service, "number=%2B14255550101&phase=end&callId=q2");

        Assert.Empty(service.Launcher.Opened);
    }

    [Fact]
    public async Task Inbound_ConfiguredToPopOnRing_PopsOnRingOnly()
    {
        var service = await StartAsync("--TrayPop:Pop:Rules:Inbound:When=Ring");

        var ring = await SendAsync(service, "number=%2B14255550101&phase=ring&callId=r1");
        var answer = await SendAsync(service, "number=%2B14255550101&phase=answer&callId=r1");

        Assert.Equal("opened", ring.GetProperty("status").GetString());
        Assert.Equal("duplicate", answer.GetProperty("status").GetString());
        Assert.Single(service.Launcher.Opened);
    }

    [Fact]
    public async Task Outbound_PopsOnAnswer()
    {
        var service = await StartAsync();

        await SendAsync(service, "number=%2B14255550101&type=outbound&phase=ring&callId=o1");
        Assert.Empty(service.Launcher.Opened);
        await SendAsync(service, "number=%2B14255550101&type=outbound&phase=answer&callId=o1");

        Assert.Single(service.Launcher.Opened);
    }

    [Fact]
    public async Task Predictive_PopsOnAnswer()
    {
        var service = await StartAsync();

        var answer = await SendAsync(service, "number=%2B14255550101&type=predictive&phase=answer");

        Assert.Equal("opened", answer.GetProperty("status").GetString());
        Assert.Single(service.Launcher.Opened);
    }

    [Fact]
    public async Task Internal_DoesNothingAndAsksNothing()
    {
        var service = await StartAsync();

        var reply = await SendAsync(service, "number=201&type=internal");

        Assert.Equal("ignored", reply.GetProperty("status").GetString());
        Assert.Empty(service.Launcher.Opened);
        Assert.Equal(0, service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task RepeatedEventsForOneCallId_PopOnce()
    {
        var service = await StartAsync();

        for (var i = 0; i < 5; i++)
        {
            await SendAsync(service, "number=%2B14255550101&phase=answer&callId=same");
        }

        Assert.Single(service.Launcher.Opened);
    }

    [Fact]
    public async Task WithoutCallIds_SameNumberWithinWindowPopsOnce_AndAgainAfterIt()
    {
        var service = await StartAsync("--TrayPop:Pop:DedupeWindow=00:00:30");

        await SendAsync(service, "number=%2B14255550101");
        _time.Advance(TimeSpan.FromSeconds(29));
        var repeat = await SendAsync(service, "number=%2B14255550101");
        Assert.Equal("duplicate", repeat.GetProperty("status").GetString());

        _time.Advance(TimeSpan.FromSeconds(2));
        var later = await SendAsync(service, "number=%2B14255550101");

        Assert.Equal("opened", later.GetProperty("status").GetString());
        Assert.Equal(2, service.Launcher.Opened.Count);
    }

    [Fact]
    public async Task WithoutCallIds_SameNumberOtherType_IsAnotherCall()
    {
        var service = await StartAsync();

        await SendAsync(service, "number=%2B14255550101&type=inbound");
        await SendAsync(service, "number=%2B14255550101&type=outbound");

        Assert.Equal(2, service.Launcher.Opened.Count);
    }

    [Fact]
    public async Task Burst_BeyondTheRateLimit_IsNotShownButReported()
    {
        var service = await StartAsync("--TrayPop:Pop:RateLimit:Pops=2", "--TrayPop:Pop:RateLimit:Per=00:00:10");

        var statuses = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await SendAsync(service, $"number=%2B1425555{i:0000}")).GetProperty("status").GetString());
        }

        Assert.Equal(["opened", "opened", "rate-limited", "rate-limited", "rate-limited", "rate-limited"], statuses);
        Assert.Equal(2, service.Launcher.Opened.Count);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("opened", (await SendAsync(service, "number=%2B14255550199&callId=after")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SlowCrm_PastTheBudget_OpensSearchAndNotifies()
    {
        var service = await StartAsync("--TrayPop:Pop:Budget=00:00:03");
        service.Crm.Faults.DelayNext(TimeSpan.FromMinutes(10));

        var pending = SendAsync(service, "number=%2B14255550101");
        await Eventually.TrueAsync(() => service.Crm.ApiRequestCount == 1, "the lookup reached the CRM");
        // The pop's 3 s wait may start a moment after the CRM saw the request: move the clock in half seconds until the
        // reply comes (bounded; the CRM itself would take 10 minutes), instead of assuming when the wait began.
        for (var step = 0; step < 40 && !pending.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(pending, Task.Delay(10));
        }

        var reply = await pending;

        Assert.Equal("search", reply.GetProperty("action").GetString());
        Assert.Contains("pagetype=search&searchText=%2B14255550101", service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("did not answer within 3 s", service.Notifier.Shown.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralMatches_ByDefault_NotifyAChooserOfEachAndOpenNothing()
    {
        var service = await StartAsync();

        var reply = await SendAsync(service, "number=%2B12065550100");

        Assert.Equal("notified", reply.GetProperty("status").GetString());
        Assert.Equal("choose", reply.GetProperty("action").GetString());
        Assert.Equal(2, reply.GetProperty("count").GetInt32());
        Assert.Equal("2 records match; the agent chooses one, none is opened", reply.GetProperty("reason").GetString());
        Assert.Empty(service.Launcher.Opened);
        var chooser = service.Notifier.Shown.Single();
        Assert.Equal("2 records match +1 206 555 0100", chooser.Text);
        Assert.Equal(["Ann Switch (contact)", "Bob Switch (contact)"], chooser.Choices.Select(c => c.Label));
        Assert.Contains(TestSeed.SwitchboardB, chooser.Choices[1].Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(1, service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task SeveralMatches_ConfiguredToSearch_OpenTheContactList_WhereTheNumbersAsStoredFindThemAndTheCallerIdDoesNot()
    {
        var service = await StartAsync("--TrayPop:Pop:MultipleMatches=Search");

        var reply = await SendAsync(service, "number=%2B12065550100");

        Assert.Equal("opened", reply.GetProperty("status").GetString());
        Assert.Equal("search", reply.GetProperty("action").GetString());
        var list = service.Launcher.Opened.Single();
        Assert.Equal(service.Crm.BaseUri.AbsoluteUri + "main.aspx?pagetype=entitylist&etn=contact", list.AbsoluteUri);
        Assert.EndsWith("search the contact list for +1.206.555.0100 or 206-555-0100 x221", service.Notifier.Shown.Single().Text, StringComparison.Ordinal);

        // What the agent sees typing into that list's search box (the emulator's Quick Find: from the start of the text).
        using var browser = new HttpClient();
        async Task<string> FindAsync(string typed) =>
            await browser.GetStringAsync(new Uri(list.AbsoluteUri + "&quickfind=" + Uri.EscapeDataString(typed)));
        Assert.DoesNotContain("class=\"result\"", await FindAsync("+12065550100"), StringComparison.Ordinal);
        Assert.Contains(TestSeed.SwitchboardA, await FindAsync("+1.206.555.0100"), StringComparison.Ordinal);
        Assert.Contains(TestSeed.SwitchboardB, await FindAsync("206-555-0100 x221"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paused_ShowsNothingButReportsTheCall()
    {
        var service = await StartAsync();
        service.Services.GetRequiredService<Core.Calls.PopSwitch>().Paused = true;

        var reply = await SendAsync(service, "number=%2B14255550101");

        Assert.Equal("paused", reply.GetProperty("status").GetString());
        Assert.Empty(service.Launcher.Opened);
    }
}
