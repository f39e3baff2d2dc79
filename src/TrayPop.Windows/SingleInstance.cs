using System.ComponentModel;
using System.Runtime.InteropServices;
using TrayPop.Windows.Interop;

namespace TrayPop.Windows;

/// <summary>
/// One TrayPop per Windows session: a named mutex in the session's Local\ namespace, so every user of
/// a terminal server gets their own. Held until disposed (or the process ends).
/// </summary>
internal sealed class SingleInstance : IDisposable
{
    public const string MutexName = @"Local\TrayPop";

    private nint handle;

    private SingleInstance(nint handle) => this.handle = handle;

    /// <summary>Returns null when another instance in this session holds the mutex.</summary>
    public static SingleInstance? TryAcquire(string name = MutexName)
    {
        var handle = Kernel32.CreateMutexW(0, false, name);
        var error = Marshal.GetLastPInvokeError();
        if (handle == 0)
        {
            throw new Win32Exception(error, $"CreateMutexW({name}) failed");
        }

        if (error == Kernel32.ERROR_ALREADY_EXISTS)
        {
            Kernel32.CloseHandle(handle);
            return null;
        }

        return new SingleInstance(handle);
    }

    /// <summary>The Windows session of this process (0 for services, 1+ for desktops and RDP sessions).</summary>
    public static unsafe uint CurrentSessionId()
    {
        uint session;
        return Kernel32.ProcessIdToSessionId((uint)Environment.ProcessId, &session) ? session : 0;
    }

    public void Dispose()
    {
        if (handle != 0)
        {
            Kernel32.CloseHandle(handle);
            handle = 0;
        }
    }
}
