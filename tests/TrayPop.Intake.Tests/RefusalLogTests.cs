using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Intake;
using TrayPop.Testing;

namespace TrayPop.Intake.Tests;

public class RefusalLogTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly CapturedLogs _logs = new();
    private readonly ILogger<RefusalLog> _logger;

    public RefusalLogTests() => _logger = LoggerFactory.Create(logging => logging.AddProvider(_logs)).CreateLogger<RefusalLog>();

    private List<string> Messages => [.. _logs.Entries.Select(e => e.Text)];

    [Fact]
    public void Refused_RepeatedFromOneSourceWithinAMinute_IsLoggedOnce()
    {
        var log = new RefusalLog(_time, _logger);

        for (var i = 0; i < 50; i++)
        {
            log.Refused("http", "origin 'https://evil.example'", "requests from web pages are refused");
        }

        Assert.Single(Messages);
    }

    [Fact]
    public void Refused_AfterAMinute_IsLoggedAgain()
    {
        var log = new RefusalLog(_time, _logger);

        log.Refused("http", "origin 'https://evil.example'", "web page");
        _time.Advance(TimeSpan.FromMinutes(1));
        log.Refused("http", "origin 'https://evil.example'", "web page");

        Assert.Equal(2, Messages.Count);
    }

    [Fact]
    public void Refused_FromAnotherSource_IsLoggedToo()
    {
        var log = new RefusalLog(_time, _logger);

        log.Refused("http", "origin 'https://evil.example'", "web page");
        log.Refused("http", "host 'rebind.example'", "host");

        Assert.Equal(2, Messages.Count);
        Assert.Contains("rebind.example", Messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_IsAWarningWithoutAStackTrace()
    {
        var log = new RefusalLog(_time, _logger);

        log.Refused("line", "a local process", "number is required");

        var entry = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.EndsWith("] ", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CyclingThroughSources_CannotResetTheQuiet_ItFallsBackToOneLinePerReason()
    {
        var log = new RefusalLog(_time, _logger);

        for (var round = 0; round < 3; round++)
        {
            for (var source = 0; source < RefusalLog.MaxSources * 4; source++)
            {
                log.Refused("http", $"host 'h{source}.example'", "host");
            }
        }

        // One line per source while the table has room, then one for the reason from many sources: no more in the minute.
        Assert.Equal(RefusalLog.MaxSources + 1, Messages.Count);
        Assert.Contains(RefusalLog.ManySources, Messages[^1], StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromMinutes(1));
        log.Refused("http", "host 'h0.example'", "host");
        Assert.Equal(RefusalLog.MaxSources + 2, Messages.Count);
    }

    [Fact]
    public void CyclingThroughSourcesAndReasons_StaysBounded()
    {
        var log = new RefusalLog(_time, _logger);

        for (var i = 0; i < 100_000; i++)
        {
            log.Refused("line", $"source {i}", $"reason {i}");
        }

        Assert.Equal(RefusalLog.MaxSources + RefusalLog.MaxReasons + 1, Messages.Count);
    }
}
