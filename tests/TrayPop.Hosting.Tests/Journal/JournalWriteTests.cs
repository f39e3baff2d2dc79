using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Core.Journal;
using TrayPop.Testing;

namespace TrayPop.Hosting.Tests.Journal;

/// <summary>
/// The outbox write beside the pop: started when the event is accepted, never waited for by the launch, waited for by
/// the reply; and a write that fails costs the agent nothing but is reported in the reply, the log and /health.
/// </summary>
public sealed class JournalWriteTests : IAsyncDisposable
{
    private RunningService? _service;

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    private async Task<RunningService> StartAsync(GatedOutbox outbox, ILoggerFactory? logs = null, FakeTimeProvider? time = null) =>
        _service = await RunningService.StartAsync(
            ["--TrayPop:Journal:Enabled=true", $"--TrayPop:Journal:Outbox={Path.Combine(Path.GetTempPath(), "traypop-tests", "journal", Guid.NewGuid().ToString("N") + ".db")}"],
            time,
            services: services =>
            {
                services.AddSingleton<IJournalOutbox>(outbox);
                if (logs is not null)
                {
                    services.AddSingleton(logs.CreateLogger<CallJournal>());
                }
            });

    [Fact]
    public async Task Answer_OpensTheRecordBeforeTheOutboxWriteIsDone_AndTheReplyWaitsForTheWrite()
    {
        var outbox = new GatedOutbox();
        // A clock that stands still: the reply's wait for the outbox cannot run out however slow this machine is.
        var service = await StartAsync(outbox, time: new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)));

        var reply = service.Http.GetAsync(new Uri("/call?number=%2B14255550101&phase=answer&callId=g1", UriKind.Relative));

        await Eventually.TrueAsync(() => service.Launcher.Opened.Count == 1, "the record was opened");
        var appended = Assert.Single(outbox.Events);
        Assert.Equal("id:g1", appended.CallKey);
        Assert.False(reply.IsCompleted, "the reply waits for the outbox");

        outbox.Open();
        using var response = await reply;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("opened", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("written", json.RootElement.GetProperty("journal").GetString());
        // The lookup answered after the write had started: the popped record followed it into the outbox.
        var (key, record) = Assert.Single(outbox.Regards);
        Assert.Equal("id:g1", key);
        Assert.Equal(TestSeed.JaneId, record.Id.ToString());
    }

    [Fact]
    public async Task OutboxStalls_TheReplyWaitsNoLongerThanASecond_AndSaysPending()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var outbox = new GatedOutbox();
        var service = await StartAsync(outbox, time: time);

        var reply = service.Http.GetAsync(new Uri("/call?number=%2B14255550101&phase=answer&callId=s1", UriKind.Relative));
        await Eventually.TrueAsync(() => service.Launcher.Opened.Count == 1 && outbox.Events.Count == 1, "the record was opened and the write started");
        await time.AdvanceUntilAsync(() => reply.IsCompleted, "the reply gave up waiting for the outbox", TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));

        using var response = await reply;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("opened", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("pending", json.RootElement.GetProperty("journal").GetString());
        outbox.Open();
    }

    [Fact]
    public async Task CallWithoutIdWhoseEndNeverCame_NoLongerHoldsTheNumber_AfterMaxCallLength()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var outbox = new GatedOutbox();
        outbox.Open();
        var service = await StartAsync(outbox, time: time);

        // A queue call that rang here and was answered elsewhere: no end ever comes for it.
        using (await service.Http.GetAsync(new Uri("/call?number=%2B14255550101&phase=ring", UriKind.Relative)))
        {
        }

        time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        using (await service.Http.GetAsync(new Uri("/call?number=%2B14255550101&phase=ring", UriKind.Relative)))
        {
        }

        Assert.Equal(2, outbox.Events.Count);
        Assert.NotEqual(outbox.Events[0].CallKey, outbox.Events[1].CallKey);
    }

    [Fact]
    public async Task OutboxWriteFails_TheRecordStillOpens_TheReplySaysSo_LoggedOnceAtError_HealthShowsIt()
    {
        var outbox = new GatedOutbox { Failure = new SqliteException("SQLite Error 13: 'database or disk is full'.", 13) };
        outbox.Open();
        using var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var service = await StartAsync(outbox, factory);

        using var response = await service.Http.GetAsync(new Uri("/call?number=%2B14255550101&phase=answer&callId=f1", UriKind.Relative));
        var line = await LineClient.SendAsync(service.LinePort, "{\"number\":\"+14255550101\",\"phase\":\"end\",\"callId\":\"f1\"}\n", 1);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("opened", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("failed", json.RootElement.GetProperty("journal").GetString());
        Assert.Contains("could not be written", json.RootElement.GetProperty("journalError").GetString(), StringComparison.Ordinal);
        Assert.Single(service.Launcher.Opened);
        using var lineJson = JsonDocument.Parse(Assert.Single(line));
        Assert.Equal("ended", lineJson.RootElement.GetProperty("status").GetString());
        Assert.Equal("failed", lineJson.RootElement.GetProperty("journal").GetString());

        var errors = logs.Entries.Where(e => e.Level == LogLevel.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("f1", e.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Text.Contains("4255550101", StringComparison.Ordinal));

        var health = JsonDocument.Parse(await service.Http.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement.GetProperty("journal");
        Assert.Contains("disk is full", health.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, health.GetProperty("notJournaled").GetInt64());
    }
}
