using TrayPop.Hosting.Cli;
using TrayPop.Hosting;
using TrayPop.Windows.Interop;

namespace TrayPop.Windows.Configuration;

/// <summary>
/// A service start that the core refuses for a setting (exit code 2, e.g. no organisation URL after a
/// silent install without DATAVERSE_URL) would be an invisible failure under the tray. The host logs the
/// reason; TrayPop then says it to the agent in a message box (signed out: nothing opens) and exits
/// with the same code when the box is closed.
/// </summary>
internal static class StartupProblem
{
    /// <summary>The message box title; the system test looks for it.</summary>
    public const string Caption = "TrayPop is not set up";

    public static async Task<int> RunAsync(string[] args, TrayPopPlatform platform)
    {
        var capture = new StartupErrorCapture(Console.Error);
        Console.SetError(capture);
        int code;
        try
        {
            code = await TrayPopCommandLine.RunAsync(args, platform);
        }
        finally
        {
            Console.SetError(capture.Inner);
        }

        if (code != StartupErrors.BadConfiguration || !ShowsTray(args))
        {
            return code;
        }

        Show(capture.Reasons());
        return code;
    }

    private static bool ShowsTray(string[] args) =>
        !args.Any(a => a.Equals("--no-tray", StringComparison.OrdinalIgnoreCase)
            || a.Equals("--TrayPop:Tray:Enabled=false", StringComparison.OrdinalIgnoreCase));

    /// <summary>Blocks until the agent closes the box; the host has already logged the reason ("Hosting failed to start").</summary>
    private static void Show(IReadOnlyList<string> reasons)
    {
        var text = (reasons.Count > 0 ? string.Join("\n", reasons) : "A setting is missing or wrong.")
            + "\n\nTrayPop stays signed out and does not open records until this is fixed. Tell your IT desk; "
            + "the details are in the log in %LOCALAPPDATA%\\TrayPop\\logs.";
        User32.MessageBoxW(0, text, Caption, User32.MB_OK | User32.MB_ICONWARNING | User32.MB_SETFOREGROUND);
    }
}
