using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;
using TrayPop.Core.Pop;
using TrayPop.Testing;

namespace TrayPop.Core.Tests.Pop;

public class LogNotifierTests
{
    [Fact]
    public void Chooser_Headless_ListsTheMatchesOpensNothingAndMasksTheNumber()
    {
        using var logs = new CapturedLogs();
        var decision = TestOptions.Decider().Decide(new CallRule(), Callers.Found(Callers.Jane, Callers.John));

        new LogNotifier(new LogPrivacy(showNumbers: false), new Typed(logs.CreateLogger(nameof(LogNotifier)))).Show(decision.Notification!);

        var line = Assert.Single(logs.Entries).Text;
        Assert.Contains("2 records match", line, StringComparison.Ordinal);
        Assert.Contains("nothing opened", line, StringComparison.Ordinal);
        Assert.Contains("Jane Doe (contact); John Roe (contact)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("555 0101", line, StringComparison.Ordinal);
        Assert.DoesNotContain("click", line, StringComparison.Ordinal);
    }

    private sealed class Typed(ILogger inner) : ILogger<LogNotifier>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
