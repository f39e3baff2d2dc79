using System.Diagnostics;
using System.Globalization;

namespace TrayPop.Harness;

/// <summary>A process the harness starts (emulator, service, traypop pop), measured from outside through /proc.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process)
    {
        _process = process;
        // Drain output so a chatty child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public static ChildProcess Start(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("TrayPop__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        return new ChildProcess(Process.Start(info)!);
    }

    /// <summary>Runs to the end and returns the exit code and the wall time from start to exit.</summary>
    public static async Task<(int ExitCode, TimeSpan Elapsed)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var watch = Stopwatch.StartNew();
        using var child = Start(program, arguments);
        await child._process.WaitForExitAsync();
        return (child._process.ExitCode, watch.Elapsed);
    }

    /// <summary>Resident set (working set) and its anonymous part (private bytes), in bytes, from /proc/PID/status.</summary>
    public (long WorkingSet, long Private) Memory()
    {
        long rss = 0, anon = 0;
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = Kilobytes(line) * 1024;
            }
        }

        return (rss, anon);
    }

    /// <summary>User plus system CPU time used so far, from /proc/PID/stat (clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
