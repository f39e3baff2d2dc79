using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake;

/// <summary>
/// Logs a security refusal once per source and reason per minute: a hostile page retrying in a loop must not
/// fill the agent's disk, yet the first attempt is always on record.
/// </summary>
internal sealed class RefusalLog(TimeProvider time, ILogger<RefusalLog> logger)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    private const int MaxSources = 256;
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Refused(string channel, string source, string reason)
    {
        var now = time.GetUtcNow();
        var key = $"{channel}|{source}|{reason}";
        lock (_gate)
        {
            if (_last.TryGetValue(key, out var last) && now - last < Quiet)
            {
                return;
            }

            if (_last.Count >= MaxSources)
            {
                _last.Clear();
            }

            _last[key] = now;
        }

        Log.SecurityRefusal(logger, channel, source, reason);
    }
}
