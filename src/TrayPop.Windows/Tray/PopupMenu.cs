using System.ComponentModel;
using System.Runtime.InteropServices;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;
using TrayPop.Windows.Interop;

namespace TrayPop.Windows.Tray;

/// <summary>Shows a <see cref="TrayMenuModel"/> menu as a Win32 popup menu and returns the chosen command.</summary>
internal static class PopupMenu
{
    /// <summary>Shows the menu at (x, y) for <paramref name="owner"/>; call on the owner's thread. Blocks until it closes.</summary>
    public static TrayCommand? Show(nint owner, IReadOnlyList<TrayMenuItem> items, int x, int y)
    {
        var flat = TrayMenuModel.Flatten(items).ToList();
        var menu = User32.CreatePopupMenu();
        if (menu == 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "CreatePopupMenu failed");
        }

        try
        {
            Append(menu, items, flat);

            // Per the TrackPopupMenu documentation: the owner must be in front or the menu does not close
            // when the agent clicks elsewhere, and a message after it lets the menu close cleanly.
            User32.SetForegroundWindow(owner);
            var id = User32.TrackPopupMenuEx(
                menu, User32.TPM_RETURNCMD | User32.TPM_NONOTIFY | User32.TPM_RIGHTBUTTON | User32.TPM_BOTTOMALIGN,
                x, y, owner, 0);
            User32.PostMessageW(owner, User32.WM_NULL, 0, 0);

            return id > 0 && id <= flat.Count ? flat[id - 1].Command : null;
        }
        finally
        {
            // Destroys the submenus with it.
            User32.DestroyMenu(menu);
        }
    }

    private static void Append(nint menu, IReadOnlyList<TrayMenuItem> items, List<TrayMenuItem> flat)
    {
        foreach (var item in items)
        {
            if (item.IsSeparator)
            {
                User32.AppendMenuW(menu, User32.MF_SEPARATOR, 0, null);
            }
            else if (item.Children is { Count: > 0 } children)
            {
                var submenu = User32.CreatePopupMenu();
                Append(submenu, children, flat);
                User32.AppendMenuW(menu, User32.MF_POPUP, (nuint)submenu, item.Text);
            }
            else
            {
                // Ids are 1-based positions in the flattened menu; 0 means "dismissed".
                var id = (nuint)(flat.IndexOf(item) + 1);
                User32.AppendMenuW(menu, User32.MF_STRING | (item.IsEnabled ? 0 : User32.MF_GRAYED), id, item.Text);
            }
        }
    }
}
