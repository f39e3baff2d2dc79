using TrayPop.Dataverse.Connectivity;

namespace TrayPop.Windows.Tray;

/// <summary>
/// The device-code sign-in's page and code as a tray balloon: a WinExe has no console, and the agent looks at the tray,
/// not the log. Shown straight, not through the notifier, so it never replaces a pending caller's page. The window is
/// looked up when a prompt is shown: the sign-in is composed long before the tray's window exists.
/// </summary>
internal sealed class TrayDeviceCodePrompt(Func<TrayWindow> tray) : IDeviceCodePrompt
{
    public const string Title = "Sign in to Dynamics 365";

    public void Show(string message) => tray().ShowBalloon(Title, Core.Diagnostics.OutsideText.Escape(message, Core.Pop.Notification.MaxTextLength));
}
