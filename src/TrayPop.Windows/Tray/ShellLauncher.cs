using Microsoft.Extensions.Logging;
using TrayPop.Core.Pop;
using TrayPop.Windows.Interop;

namespace TrayPop.Windows.Tray;

/// <summary>
/// ShellExecute "open" for the tray's own commands (the log folder in Explorer). Pages do not come here: they go
/// through <see cref="CrmLauncher"/> and the configured <see cref="ILauncher"/>.
/// </summary>
internal sealed class ShellLauncher(ILogger<ShellLauncher> logger)
{
    /// <summary>Opens a folder in Explorer.</summary>
    public bool OpenFolder(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // The log sink resolves a relative TrayPop:Logging:Directory against the working folder; so does this.
        var folder = Path.GetFullPath(path);
        Directory.CreateDirectory(folder);
        return Execute(folder);
    }

    private bool Execute(string file)
    {
        // The URL is the single "file" argument: no parameters string, nothing for a shell to split.
        nint result = 0;
        void Run() => result = Shell32.ShellExecuteW(0, "open", file, null, null, Shell32.SW_SHOWNORMAL);

        // ShellExecute may hand the work to COM shell extensions, which want a single-threaded apartment
        // (Process.Start does the same when called from a thread-pool thread).
        if (Thread.CurrentThread.GetApartmentState() == ApartmentState.STA)
        {
            Run();
        }
        else
        {
            var thread = new Thread(Run) { IsBackground = true, Name = "TrayPop ShellExecute" };
            thread.SetApartmentState(ApartmentState.STA);
            thread.Start();
            thread.Join();
        }

        if (result > 32)
        {
            return true;
        }

        Log.LaunchFailed(logger, (long)result);
        return false;
    }
}
