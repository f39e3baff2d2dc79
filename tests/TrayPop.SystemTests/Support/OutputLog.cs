using System.Collections.Concurrent;

namespace TrayPop.SystemTests.Support;

/// <summary>Lines a started program printed, collected as they come, for waiting on and for the test output.</summary>
internal sealed class OutputLog
{
    private readonly ConcurrentQueue<string> lines = new();

    public void Add(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    public bool Contains(string text) => lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    public override string ToString() => string.Join('\n', lines);
}
