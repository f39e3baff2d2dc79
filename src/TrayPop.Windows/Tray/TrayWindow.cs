using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;
using TrayPop.Windows.Interop;

namespace TrayPop.Windows.Tray;

/// <summary>
/// The tray as the rest of the app sees it: icon, tooltip, balloon, menu, and what the agent clicked.
/// Thread-safe: every call is marshalled onto the window's own thread. Events are raised there too,
/// so handlers hand long work to the thread pool.
/// </summary>
internal sealed class TrayWindow : IDisposable
{
    private const uint CallbackMessage = User32.WM_APP + 2;

    private readonly ILogger<TrayWindow> logger;
    private readonly MessageWindow window;
    private readonly StateIcons icons = new();
    private readonly uint taskbarCreated;
    private readonly uint secondStart;
    private TrayIcon? icon;

    public TrayWindow(ILogger<TrayWindow> logger)
    {
        this.logger = logger;
        window = new MessageWindow(OnMessage, ex => Log.TrayError(logger, ex));
        taskbarCreated = User32.RegisterWindowMessageW("TaskbarCreated");
        secondStart = SecondStartSignal.Message;
    }

    /// <summary>The agent clicked the icon or its balloon.</summary>
    public event Action<TrayInteraction>? Interaction;

    /// <summary>TrayPop was started again by hand in this session (see <see cref="SecondStartSignal"/>).</summary>
    public event Action? StartedAgain;

    /// <summary>The agent chose a menu command.</summary>
    public event Action<TrayCommand>? CommandChosen;

    /// <summary>The hidden window's handle (zero until <see cref="StartAsync"/> has created it): the broker's sign-in parent.</summary>
    public nint Handle => window.Handle;

    /// <summary>Builds the menu at the moment the agent opens it.</summary>
    public Func<IReadOnlyList<TrayMenuItem>>? MenuSource { get; set; }

    public Task StartAsync(TrayAppearance appearance) => window.StartAsync(() =>
    {
        // Should TrayPop run elevated (started at the end of an install), Explorer's TaskbarCreated and a
        // second start's signal come from less privileged processes; both carry no data, so let just them in.
        AllowFromLessPrivileged(taskbarCreated);
        AllowFromLessPrivileged(secondStart);
        icon = new TrayIcon(window.Handle, CallbackMessage);
        icon.Add(icons[appearance.Icon], appearance.Tooltip);
        Log.TrayIconAdded(logger, appearance.Tooltip);
    });

    public void SetAppearance(TrayAppearance appearance) => window.Post(() =>
    {
        icon?.Update(icons[appearance.Icon], appearance.Tooltip);
    });

    public void ShowBalloon(string title, string text) => window.Post(() =>
    {
        icon?.ShowBalloon(title, text);
        Log.BalloonShown(logger, title);
    });

    /// <summary>Shows <paramref name="items"/> as a popup menu at the mouse (a chooser); the chosen command is raised as <see cref="CommandChosen"/>.</summary>
    public void ShowMenu(IReadOnlyList<TrayMenuItem> items) => window.Post(() =>
    {
        if (icon is null)
        {
            return;
        }

        var point = default(Point);
        unsafe
        {
            User32.GetCursorPos(&point);
        }

        Choose(items, point.X, point.Y);
    });

    public Task StopAsync()
    {
        window.Post(() =>
        {
            icon?.Remove();
            icons.Dispose();
        });
        return window.StopAsync();
    }

    public void Dispose() => window.Dispose();

    private void AllowFromLessPrivileged(uint message)
    {
        if (message != 0)
        {
            User32.ChangeWindowMessageFilterEx(window.Handle, message, User32.MSGFLT_ALLOW, 0);
        }
    }

    private bool OnMessage(uint message, nint wParam, nint lParam)
    {
        if (message == taskbarCreated && taskbarCreated != 0)
        {
            // Explorer restarted and forgot every icon.
            icon?.Readd();
            return true;
        }

        if (message == secondStart && secondStart != 0)
        {
            StartedAgain?.Invoke();
            return true;
        }

        if (message != CallbackMessage)
        {
            return false;
        }

        // NOTIFYICON_VERSION_4: LOWORD(lParam) is the event, wParam packs the anchor point (x, y).
        var notification = (uint)(lParam & 0xFFFF);
        var x = (short)(wParam & 0xFFFF);
        var y = (short)((wParam >> 16) & 0xFFFF);
        switch (notification)
        {
            case Shell32.NIN_SELECT:
            case Shell32.NIN_KEYSELECT:
                Interaction?.Invoke(TrayInteraction.IconSelected);
                break;
            case Shell32.NIN_BALLOONUSERCLICK:
                Interaction?.Invoke(TrayInteraction.BalloonClicked);
                break;
            case Shell32.NIN_BALLOONTIMEOUT:
                Interaction?.Invoke(TrayInteraction.BalloonClosed);
                break;
            case User32.WM_CONTEXTMENU:
                ShowMenu(x, y);
                break;
            default:
                break;
        }

        return true;
    }

    private void ShowMenu(int x, int y)
    {
        if (MenuSource is not { } source || icon is null)
        {
            return;
        }

        Choose(source(), x, y);
    }

    private void Choose(IReadOnlyList<TrayMenuItem> items, int x, int y)
    {
        var command = PopupMenu.Show(window.Handle, items, x, y);
        if (command is not null)
        {
            Log.MenuCommand(logger, command.Kind);
            CommandChosen?.Invoke(command);
        }
    }
}
