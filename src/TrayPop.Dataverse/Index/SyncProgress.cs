using System.Globalization;

namespace TrayPop.Dataverse.Index;

/// <summary>
/// The backfill's progress on stderr: rows done, rows per second, time left. One line rewritten in place on a
/// terminal; plain lines at most every few seconds when stderr is a file or a service log.
/// </summary>
internal sealed class SyncProgress(TextWriter output, bool terminal, TimeProvider time)
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    private long _start;
    private long _lastPlain;
    private long _startRows;

    public void Start(long rowsAlready)
    {
        _start = time.GetTimestamp();
        _lastPlain = _start;
        _startRows = rowsAlready;
    }

    public void Report(string entity, long rows, long? total, bool final = false)
    {
        var elapsed = time.GetElapsedTime(_start);
        if (!terminal && !final && time.GetElapsedTime(_lastPlain) < PlainEvery)
        {
            return;
        }

        _lastPlain = time.GetTimestamp();
        var rate = elapsed.TotalSeconds > 0 ? (rows - _startRows) / elapsed.TotalSeconds : 0;
        var of = total is > 0 ? string.Create(CultureInfo.InvariantCulture, $" of {total:N0} ({Math.Min(100.0, 100.0 * rows / total.Value):F1} %)") : "";
        var eta = total is > 0 && rate > 0 && rows < total
            ? ", " + TimeSpan.FromSeconds(Math.Round((total.Value - rows) / rate)).ToString("c", CultureInfo.InvariantCulture) + " left"
            : "";
        var line = string.Create(CultureInfo.InvariantCulture, $"{entity}: {rows:N0} rows{of}, {rate:N0} rows/s{eta}");
        if (terminal)
        {
            output.Write("\r" + line.PadRight(79));
            if (final)
            {
                output.WriteLine();
            }
        }
        else
        {
            output.WriteLine(line);
        }
    }
}
