using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Diagnostics;
using TrayPop.Core.Pop;
using Log = TrayPop.Hosting.Diagnostics.Log;

namespace TrayPop.Hosting.Launching;

/// <summary>
/// Opens CRM pages in the configured browser command, or the OS default browser (ShellExecute on Windows,
/// <c>xdg-open</c> on Linux, <c>open</c> on macOS). Only <see cref="CrmLauncher"/> calls it, after the URL policy; when no browser starts,
/// the URL is logged and printed with the reason so the agent can still copy it.
/// </summary>
internal sealed class BrowserLauncher(IOptions<BrowserOptions> options, LogPrivacy privacy, ILogger<BrowserLauncher> logger) : ILauncher
{
    private readonly string? _command = string.IsNullOrWhiteSpace(options.Value.Command) ? null : options.Value.Command;

    public bool Open(Uri url)
    {
        try
        {
            using var process = Process.Start(StartInfo(url));
            return true;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            Log.LaunchFailed(logger, privacy.Numbers(url.AbsoluteUri), ex.Message);
            // The console (not the log) gets the whole URL: it is there for the agent to open by hand.
            Console.Error.WriteLine($"Could not start a browser ({OutsideText.Escape(ex.Message)}). Open this page yourself: {OutsideText.Escape(url.AbsoluteUri, 4096)}");
            return false;
        }
    }

    private ProcessStartInfo StartInfo(Uri url)
    {
        if (_command is not null)
        {
            var (program, arguments) = CommandLine.WithUrl(_command, url);
            return WithArguments(new ProcessStartInfo(program) { UseShellExecute = false }, arguments);
        }

        if (OperatingSystem.IsWindows())
        {
            return new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true };
        }

        var opener = OperatingSystem.IsMacOS() ? "open" : "xdg-open";
        return WithArguments(new ProcessStartInfo(opener) { UseShellExecute = false }, [url.AbsoluteUri]);
    }

    private static ProcessStartInfo WithArguments(ProcessStartInfo info, IEnumerable<string> arguments)
    {
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.RedirectStandardOutput = false;
        info.CreateNoWindow = true;
        return info;
    }
}
