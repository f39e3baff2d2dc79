using System.Diagnostics;
using System.Globalization;

namespace TrayPop.Harness;

/// <summary>A process the harness starts (emulator, service, traypop pop), measured from outside through /proc.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _last = new();

    private ChildProcess(Process process)
    {
        _process = process;
        // Drain output so a chatty child never blocks on a full pipe; the last lines are kept to say why a child failed.
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The child's last lines of output (stdout and stderr together).</summary>
    public string LastOutput
    {
        get
        {
            lock (_last)
            {
                return string.Join('\n', _last);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_last)
        {
            _last.Enqueue(line);
            if (_last.Count > 30)
            {
                _last.Dequeue();
            }
        }
    }

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

    /// <summary>CPU time of each live thread (id → name, time), in nanoseconds from /proc/PID/task/TID/schedstat.</summary>
    public Dictionary<int, (string Name, TimeSpan Cpu)> ThreadCpu()
    {
        var threads = new Dictionary<int, (string, TimeSpan)>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{Id}/task"))
        {
            try
            {
                var nanoseconds = long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] =
                    (File.ReadAllText(Path.Combine(task, "comm")).Trim(), TimeSpan.FromTicks(nanoseconds / 100));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The thread ended between listing and reading.
            }
        }

        return threads;
    }

    /// <summary>CPU used between two readings, summed per thread name (threads that came and went included).</summary>
    public static List<(string Name, TimeSpan Cpu)> Used(Dictionary<int, (string Name, TimeSpan Cpu)> before, Dictionary<int, (string Name, TimeSpan Cpu)> after) =>
        [.. after
            .Select(thread => (thread.Value.Name, Cpu: thread.Value.Cpu - (before.TryGetValue(thread.Key, out var earlier) ? earlier.Cpu : TimeSpan.Zero)))
            .GroupBy(thread => thread.Name)
            .Select(group => (group.Key, new TimeSpan(group.Sum(thread => thread.Cpu.Ticks))))];

    /// <summary>The files (or anonymous memory) holding most of the resident set, from /proc/PID/smaps.</summary>
    public List<(string Name, long Bytes)> LargestMappings(int count)
    {
        var sizes = new Dictionary<string, long>();
        var current = "[anonymous]";
        foreach (var line in File.ReadLines($"/proc/{Id}/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                current = fields.Length > 5 ? Path.GetFileName(fields[5]) : "[anonymous]";
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                sizes[current] = sizes.GetValueOrDefault(current) + Kilobytes(line) * 1024;
            }
        }

        return [.. sizes.OrderByDescending(size => size.Value).Take(count).Select(size => (size.Key, size.Value))];
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
