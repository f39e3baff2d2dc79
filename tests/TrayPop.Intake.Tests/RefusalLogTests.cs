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
}
