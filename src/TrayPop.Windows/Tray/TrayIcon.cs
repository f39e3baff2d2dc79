using System.ComponentModel;
using TrayPop.Windows.Interop;

namespace TrayPop.Windows.Tray;

/// <summary>
/// One notification-area icon owned by a window: add, change, balloon, remove. Call it on the
/// owner window's thread. Balloons are informational and silent; the shell never gives them focus.
/// </summary>
internal sealed unsafe class TrayIcon(nint owner, uint callbackMessage)
{
    private const uint Id = 1;

    private nint icon;
    private string tooltip = string.Empty;

    public bool IsAdded { get; private set; }

    /// <summary>Adds the icon (again, after Explorer restarted) with NOTIFYICON_VERSION_4 callbacks.</summary>
    public void Add(nint iconHandle, string tip)
    {
        icon = iconHandle;
        tooltip = tip;
        var data = NewData(Shell32.NIF_MESSAGE | Shell32.NIF_ICON | Shell32.NIF_TIP | Shell32.NIF_SHOWTIP);
        data.uCallbackMessage = callbackMessage;
        data.hIcon = icon;
        NotifyIconData.CopyTo(tooltip, data.szTip, NotifyIconData.TipLength);
        Call(Shell32.NIM_ADD, &data, "NIM_ADD");
        IsAdded = true;

        var version = NewData(0);
        version.uTimeoutOrVersion = Shell32.NOTIFYICON_VERSION_4;
        Call(Shell32.NIM_SETVERSION, &version, "NIM_SETVERSION");
    }

    /// <summary>Re-adds the icon as it was; Explorer forgets icons when it restarts.</summary>
    public void Readd()
    {
        IsAdded = false;
        Add(icon, tooltip);
    }

    public void Update(nint iconHandle, string tip)
    {
        icon = iconHandle;
        tooltip = tip;
        var data = NewData(Shell32.NIF_ICON | Shell32.NIF_TIP | Shell32.NIF_SHOWTIP);
        data.hIcon = icon;
        NotifyIconData.CopyTo(tooltip, data.szTip, NotifyIconData.TipLength);
        Call(Shell32.NIM_MODIFY, &data, "NIM_MODIFY");
    }

    public void ShowBalloon(string title, string text)
    {
        var data = NewData(Shell32.NIF_INFO);
        // An empty szInfo removes a balloon instead of showing one.
        NotifyIconData.CopyTo(text.Length == 0 ? " " : text, data.szInfo, NotifyIconData.InfoLength);
        NotifyIconData.CopyTo(title, data.szInfoTitle, NotifyIconData.InfoTitleLength);
        data.dwInfoFlags = Shell32.NIIF_INFO | Shell32.NIIF_NOSOUND | Shell32.NIIF_RESPECT_QUIET_TIME;
        Call(Shell32.NIM_MODIFY, &data, "NIM_MODIFY (balloon)");
    }

    public void Remove()
    {
        if (!IsAdded)
        {
            return;
        }

        var data = NewData(0);
        IsAdded = false;
        Shell32.Shell_NotifyIconW(Shell32.NIM_DELETE, &data);
    }

    private static void Call(uint message, NotifyIconData* data, string what)
    {
        // Shell_NotifyIconW does not reliably set the last error; the operation name is the useful part.
        if (!Shell32.Shell_NotifyIconW(message, data))
        {
            throw new Win32Exception($"Shell_NotifyIconW {what} failed");
        }
    }

    private NotifyIconData NewData(uint flags) => new()
    {
        cbSize = (uint)sizeof(NotifyIconData),
        hWnd = owner,
        uID = Id,
        uFlags = flags,
    };
}
