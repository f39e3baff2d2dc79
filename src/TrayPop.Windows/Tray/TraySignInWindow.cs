using TrayPop.Dataverse.Auth;

namespace TrayPop.Windows.Tray;

/// <summary>
/// The tray's hidden top-level window as the parent of the Windows broker's (WAM) sign-in dialog, read when a sign-in
/// needs it. Zero until the tray has started (or with <c>--no-tray</c>): the broker then has no parent, and sign-in
/// falls back to the system browser.
/// </summary>
internal sealed class TraySignInWindow(Func<nint> trayHandle) : ISignInWindow
{
    public IntPtr Handle => trayHandle();
}
