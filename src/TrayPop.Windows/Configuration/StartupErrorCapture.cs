using System.Text;

namespace TrayPop.Windows.Configuration;

/// <summary>
/// Standard error as before, plus a bounded copy of what was written, so the reason a start was refused
/// (which the core prints to standard error, invisible to a tray app) can be shown to the agent.
/// </summary>
internal sealed class StartupErrorCapture(TextWriter inner) : TextWriter
{
    private const int Limit = 16 * 1024;
    private const string Refusal = "TrayPop cannot start";

    private readonly StringBuilder copy = new();
    private readonly Lock gate = new();

    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override void Write(char value)
    {
        Inner.Write(value);
        Keep(value.ToString());
    }

    public override void Write(string? value)
    {
        Inner.Write(value);
        Keep(value);
    }

    public override void WriteLine(string? value)
    {
        Inner.WriteLine(value);
        Keep(value + "\n");
    }

    public override void Flush() => Inner.Flush();

    /// <summary>
    /// The lines that say why the start was refused: those after "TrayPop cannot start…" (one per failed
    /// setting), else that line itself, else the last line written.
    /// </summary>
    public IReadOnlyList<string> Reasons()
    {
        string[] lines;
        lock (gate)
        {
            lines = copy.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var start = Array.FindLastIndex(lines, l => l.StartsWith(Refusal, StringComparison.Ordinal));
        if (start < 0)
        {
            return lines.Length == 0 ? [] : [lines[^1]];
        }

        var details = lines.Skip(start + 1).ToList();
        return details.Count > 0 ? details : [lines[start]];
    }

    private void Keep(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (gate)
        {
            if (copy.Length + value.Length <= Limit)
            {
                copy.Append(value);
            }
        }
    }
}
