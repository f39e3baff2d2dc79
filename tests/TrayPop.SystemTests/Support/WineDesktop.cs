using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace TrayPop.SystemTests.Support;

/// <summary>
/// An X display (Xvfb) with a Wine prefix on it, a fake browser that records the URLs Wine's
/// ShellExecute hands to winebrowser, and the xdotool/ImageMagick handles to look and click.
/// </summary>
internal sealed class WineDesktop : IAsyncDisposable
{
    /// <summary>Displays this test run has handed out: two desktops starting at once must not pick the same free number.</summary>
    private static readonly ConcurrentDictionary<int, bool> Claimed = new();

    private readonly Process xvfb;
    private readonly List<Process> started = [];

    private WineDesktop(Process xvfb, int display, string prefix, string launchedUrls)
    {
        this.xvfb = xvfb;
        Display = ":" + display.ToString(CultureInfo.InvariantCulture);
        Prefix = prefix;
        LaunchedUrlsFile = launchedUrls;
        Environment = new Dictionary<string, string>
        {
            ["DISPLAY"] = Display,
            ["WINEPREFIX"] = prefix,
            ["WINEDEBUG"] = "-all",
            // Wine 8 cannot free code the runtime double-maps for W^X: when a DynamicMethod is finalized (libphonenumber
            // compiles its regular expressions, and drops some), the process dies with "Internal CLR error (0x80131506)
            // at DynamicResolver+DestroyScout.Finalize()". Windows itself has no such fault, so only Wine runs without W^X.
            ["DOTNET_EnableWriteXorExecute"] = "0",
        };
    }

    public string Display { get; }

    public string Prefix { get; }

    public string LaunchedUrlsFile { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <param name="prefix">A Wine prefix of the test's own (the installer test keeps machine-wide state out of the shared one).</param>
    public static async Task<WineDesktop> StartAsync(string? prefix = null)
    {
        var display = FreeDisplay();
        var xvfb = Process.Start(new ProcessStartInfo("Xvfb")
        {
            ArgumentList = { ":" + display.ToString(CultureInfo.InvariantCulture), "-screen", "0", "1024x768x24", "-nolisten", "tcp" },
            UseShellExecute = false,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Xvfb did not start");
        _ = xvfb.StandardError.ReadToEndAsync();
        await Eventually.True(() => File.Exists($"/tmp/.X11-unix/X{display}") || xvfb.HasExited, "Xvfb to open its display", TimeSpan.FromSeconds(20));
        if (xvfb.HasExited)
        {
            throw new InvalidOperationException($"Xvfb :{display} exited with {xvfb.ExitCode}");
        }

        // One recorder and list per display: test classes run side by side, each on a desktop of its own.
        var recorder = Path.Combine(Repository.Artifacts, $"record-url-{display}.sh");
        var launched = Path.Combine(Repository.Artifacts, $"launched-urls-{display}.txt");
        await File.WriteAllTextAsync(recorder, $"#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{launched}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(recorder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.Delete(launched);

        // Outside the work tree: a Wine prefix maps drive Z: to /, and tools that walk the tree (BenchmarkDotNet, linters) would follow it.
        prefix ??= System.Environment.GetEnvironmentVariable("TRAYPOP_WINEPREFIX")
            ?? Path.Combine(Path.GetTempPath(), "traypop-system-tests", "wineprefix");
        var desktop = new WineDesktop(xvfb, display, prefix, launched);
        // Creates the prefix on the first run (about 20 s), reuses it after; points winebrowser at the recorder.
        await Command.RunCheckedAsync(
            "bash", [Path.Combine(Repository.Root, "scripts", "wine-setup.sh"), "--no-install", "--browser", recorder],
            desktop.Environment, TimeSpan.FromMinutes(3));
        return desktop;
    }

    /// <summary>Starts a Windows program under Wine on this display; output is collected in <paramref name="output"/>.</summary>
    public Process StartWine(string exe, IEnumerable<string> arguments, OutputLog output)
    {
        var info = new ProcessStartInfo("wine")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(exe);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        started.Add(process);
        return process;
    }

    public IReadOnlyList<string> LaunchedUrls() =>
        File.Exists(LaunchedUrlsFile) ? File.ReadAllLines(LaunchedUrlsFile) : [];

    /// <summary>The visible window with this exact title, or null.</summary>
    public async Task<Rectangle?> FindWindowAsync(string title)
    {
        var (code, ids) = await Command.RunAsync("xdotool", ["search", "--onlyvisible", "--name", $"^{title}$"], Environment);
        if (code != 0 || ids.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is not { } id)
        {
            return null;
        }

        var shell = await Command.RunCheckedAsync("xdotool", ["getwindowgeometry", "--shell", id.Trim()], Environment);
        var values = shell.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], CultureInfo.InvariantCulture));
        return new Rectangle(values["X"], values["Y"], values["WIDTH"], values["HEIGHT"]);
    }

    public Task ClickAsync(int x, int y, int button) =>
        Command.RunCheckedAsync("xdotool", ["mousemove", $"{x}", $"{y}", "click", $"{button}"], Environment);

    public Task KeysAsync(params string[] keys) =>
        Command.RunCheckedAsync("xdotool", ["key", .. keys], Environment);

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(Repository.Artifacts, name);
        await Command.RunCheckedAsync("import", ["-window", "root", path], Environment);
        return path;
    }

    /// <summary>Mean brightness (0 black … 1 white) of a screen area, from a fresh screenshot.</summary>
    public async Task<double> BrightnessAsync(Rectangle area)
    {
        var shot = await ScreenshotAsync("probe.png");
        var mean = await Command.RunCheckedAsync(
            "convert", [shot, "-crop", $"{area.Width}x{area.Height}+{area.X}+{area.Y}", "-colorspace", "Gray", "-format", "%[fx:mean]", "info:"]);
        return double.Parse(mean.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The colour of one screen pixel as (r, g, b), from a fresh screenshot.</summary>
    public async Task<(int R, int G, int B)> PixelAsync(int x, int y)
    {
        var shot = await ScreenshotAsync("probe.png");
        var text = await Command.RunCheckedAsync(
            "convert", [shot, "-format", $"%[fx:int(255*p{{{x},{y}}}.r)],%[fx:int(255*p{{{x},{y}}}.g)],%[fx:int(255*p{{{x},{y}}}.b)]", "info:"]);
        var parts = text.Trim().Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var process in started)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }

            await Command.RunAsync("wineserver", ["-k"], Environment, TimeSpan.FromSeconds(30));
        }
        finally
        {
            // Whatever failed above, the X server must not outlive the test.
            if (!xvfb.HasExited)
            {
                xvfb.Kill();
                await xvfb.WaitForExitAsync();
            }

            xvfb.Dispose();
        }
    }

    private static int FreeDisplay()
    {
        // Spread parallel runs over a range; the lock file is how X servers claim a number.
        for (var display = 90 + (System.Environment.ProcessId % 50); display < 400; display++)
        {
            if (!File.Exists($"/tmp/.X{display}-lock") && !File.Exists($"/tmp/.X11-unix/X{display}") && Claimed.TryAdd(display, true))
            {
                return display;
            }
        }

        throw new InvalidOperationException("No free X display number");
    }
}
