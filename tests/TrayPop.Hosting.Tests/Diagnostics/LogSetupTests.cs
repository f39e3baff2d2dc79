using Microsoft.Extensions.Configuration;
using Serilog;
using TrayPop.Hosting;

namespace TrayPop.Hosting.Tests.Diagnostics;

public sealed class LogSetupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("traypop-logs-").FullName;

    [Fact]
    public void LogFile_WhenAParameterHoldsLineBreaksAndEscapes_KeepsOneLineAndShowsThemEscaped()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TrayPop:Logging:Directory"] = _directory })
            .Build();
        using (var logger = LogSetup.Configure(new LoggerConfiguration(), configuration, console: false).CreateLogger())
        {
            logger.Information("Matched {Name}", "Jane\r\n2025-01-01 12:00:00.000 +00:00 [ERR] Forged\u001b]0;title\u0007 \u202Eevil");
        }

        var lines = File.ReadAllLines(Directory.GetFiles(_directory).Single());

        var line = Assert.Single(lines);
        Assert.Contains("Jane\\u000d\\u000a2025-01-01 12:00:00.000 +00:00 [ERR] Forged\\u001b]0;title\\u0007 \\u202eevil", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', line);
        Assert.DoesNotContain('\u202E', line);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
