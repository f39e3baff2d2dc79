using System.Collections.Concurrent;
using System.ComponentModel;
using System.Runtime.InteropServices;
using TrayPop.Windows.Interop;

namespace TrayPop.Windows.Tray;

/// <summary>
/// A hidden window and its message loop on a thread of their own; other threads reach it through
/// <see cref="Post"/>. It is a hidden top-level window rather than a message-only one
/// (HWND_MESSAGE) because message-only windows get no broadcasts, so Explorer's "TaskbarCreated"
/// would never arrive, and cannot come to the foreground, which a tray menu needs to close properly.
/// </summary>
internal sealed unsafe class MessageWindow : IDisposable
{
    /// <summary>The window's class; with <see cref="WindowName"/>, how a second start finds the first (<see cref="SecondStartSignal"/>).</summary>
    public const string ClassName = "TrayPop.MessageWindow";

    public const string WindowName = "TrayPop";
    private const uint WM_INVOKE = User32.WM_APP + 1;

    private static readonly ConcurrentDictionary<nint, MessageWindow> Windows = new();
    [ThreadStatic] private static MessageWindow? creating;

    private readonly Func<uint, nint, nint, bool> handler;
    private readonly ConcurrentQueue<Action> work = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<Exception> onError;
    private Thread? thread;
    private volatile nint hwnd;

    /// <param name="handler">Called on the window's thread for each message; returns true when it handled it.</param>
    /// <param name="onError">Called on the window's thread when the handler or posted work throws.</param>
    public MessageWindow(Func<uint, nint, nint, bool> handler, Action<Exception> onError)
    {
        this.handler = handler;
        this.onError = onError;
    }

    public nint Handle => hwnd;

    /// <summary>Completes when the message loop has ended.</summary>
    public Task Stopped => stopped.Task;

    public bool IsOnWindowThread => thread is not null && Environment.CurrentManagedThreadId == thread.ManagedThreadId;

    /// <summary>Starts the thread, creates the window, and runs <paramref name="initialise"/> on the thread before any other message.</summary>
    public Task StartAsync(Action initialise)
    {
        if (thread is not null)
        {
            throw new InvalidOperationException("The window is already started.");
        }

        thread = new Thread(() => Run(initialise)) { IsBackground = true, Name = "TrayPop tray" };
        // COM-based shell calls (ShellExecute) expect a single-threaded apartment on a UI thread.
        thread.SetApartmentState(ApartmentState.STA);
        thread.Start();
        return started.Task;
    }

    /// <summary>Queues <paramref name="action"/> to run on the window's thread.</summary>
    public void Post(Action action)
    {
        work.Enqueue(action);
        if (hwnd != 0 && !User32.PostMessageW(hwnd, WM_INVOKE, 0, 0))
        {
            onError(new Win32Exception(Marshal.GetLastPInvokeError(), "PostMessageW failed"));
        }
    }

    /// <summary>Destroys the window, which ends the loop and the thread.</summary>
    public Task StopAsync()
    {
        if (hwnd != 0)
        {
            Post(() => User32.DestroyWindow(hwnd));
        }
        else
        {
            stopped.TrySetResult();
        }

        return stopped.Task;
    }

    public void Dispose()
    {
        if (thread is { IsAlive: true } && !IsOnWindowThread)
        {
            StopAsync().Wait(TimeSpan.FromSeconds(5));
        }
    }

    private void Run(Action initialise)
    {
        try
        {
            var instance = Kernel32.GetModuleHandleW(null);
            RegisterClass(instance);

            creating = this;
            var created = User32.CreateWindowExW(
                User32.WS_EX_TOOLWINDOW | User32.WS_EX_NOACTIVATE, ClassName, WindowName, User32.WS_POPUP,
                0, 0, 0, 0, 0, 0, instance, 0);
            creating = null;
            if (created == 0)
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError(), "CreateWindowExW failed");
            }

            hwnd = created;
            Windows[hwnd] = this;
            initialise();
        }
        catch (Exception ex) when (ex is Win32Exception or DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            started.TrySetException(ex);
            stopped.TrySetResult();
            return;
        }

        started.TrySetResult();
        // Work posted before the handle existed is waiting without a WM_INVOKE.
        User32.PostMessageW(hwnd, WM_INVOKE, 0, 0);
        Message message;
        while (User32.GetMessageW(&message, 0, 0, 0) > 0)
        {
            User32.TranslateMessage(&message);
            User32.DispatchMessageW(&message);
        }

        stopped.TrySetResult();
    }

    private static void RegisterClass(nint instance)
    {
        fixed (char* name = ClassName)
        {
            var windowClass = new WindowClassEx
            {
                cbSize = (uint)sizeof(WindowClassEx),
                lpfnWndProc = &WindowProc,
                hInstance = instance,
                lpszClassName = name,
            };

            const int ERROR_CLASS_ALREADY_EXISTS = 1410;
            if (User32.RegisterClassExW(&windowClass) == 0 && Marshal.GetLastPInvokeError() != ERROR_CLASS_ALREADY_EXISTS)
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError(), "RegisterClassExW failed");
            }
        }
    }

    [UnmanagedCallersOnly]
    private static nint WindowProc(nint hwnd, uint message, nint wParam, nint lParam)
    {
        // Messages sent during CreateWindowExW arrive before the handle is known.
        if (!Windows.TryGetValue(hwnd, out var window))
        {
            window = creating;
        }

        if (window is null)
        {
            return User32.DefWindowProcW(hwnd, message, wParam, lParam);
        }

        try
        {
            return window.OnMessage(hwnd, message, wParam, lParam);
        }
        catch (Exception ex)
        {
            // An exception must not unwind into user32; report it and carry on.
            window.onError(ex);
            return 0;
        }
    }

    private nint OnMessage(nint window, uint message, nint wParam, nint lParam)
    {
        switch (message)
        {
            case WM_INVOKE:
                while (work.TryDequeue(out var action))
                {
                    RunSafely(action);
                }

                return 0;
            case User32.WM_CLOSE:
                // Ending a session or Alt+F4 reaches the host through Exit, not by closing this window.
                return 0;
            case User32.WM_DESTROY:
                Windows.TryRemove(window, out _);
                User32.PostQuitMessage(0);
                return 0;
            default:
                return handler(message, wParam, lParam) ? 0 : User32.DefWindowProcW(window, message, wParam, lParam);
        }
    }

    private void RunSafely(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            onError(ex);
        }
    }
}
