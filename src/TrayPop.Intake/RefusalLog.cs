using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake;

/// <summary>
/// Logs refused and malformed input at Warning, without a stack trace, once per source and reason per minute: a hostile
/// process retrying in a loop must not fill the agent's disk or roll earlier evidence out of the log, yet the first
/// attempt is always on record. The tables are bounded and an entry only leaves once its minute is over, so cycling
/// through sources or reasons cannot reset the quiet: past the sources' table a refusal is kept per reason, past the
/// reasons' table per channel.
/// </summary>
internal sealed class RefusalLog(TimeProvider time, ILogger<RefusalLog> logger)
{
    public const int MaxSources = 256;
    public const int MaxReasons = 64;
    public const string ManySources = "many sources (more than the refusal log tells apart within a minute)";
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    private readonly Dictionary<(string, string, string), DateTimeOffset> _bySource = [];
    private readonly Dictionary<(string, string), DateTimeOffset> _byReason = [];
    private readonly Dictionary<string, DateTimeOffset> _byChannel = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Refused(string channel, string source, string reason)
    {
        var now = time.GetUtcNow();
        bool log;
        lock (_gate)
        {
            var first = FirstInAMinute(_bySource, (channel, source, reason), now, MaxSources);
            if (first is null)
            {
                source = ManySources;
                first = FirstInAMinute(_byReason, (channel, reason), now, MaxReasons);
                if (first is null)
                {
                    reason = "many reasons (more than the refusal log tells apart within a minute)";
                    first = FirstInAMinute(_byChannel, channel, now, int.MaxValue);
                }
            }

            log = first == true;
        }

        if (log)
        {
            Log.SecurityRefusal(logger, channel, source, reason);
        }
    }

    /// <summary>True when <paramref name="key"/> was not seen within the minute (now it is), false when it was, null when the table is full.</summary>
    private static bool? FirstInAMinute<TKey>(Dictionary<TKey, DateTimeOffset> table, TKey key, DateTimeOffset now, int max)
        where TKey : notnull
    {
        if (table.TryGetValue(key, out var last))
        {
            if (now - last < Quiet)
            {
                return false;
            }

            table[key] = now;
            return true;
        }

        if (table.Count >= max)
        {
            // Only entries whose minute is over make room.
            foreach (var (old, at) in table)
            {
                if (now - at >= Quiet)
                {
                    table.Remove(old);
                }
            }

            if (table.Count >= max)
            {
                return null;
            }
        }

        table[key] = now;
        return true;
    }
}
