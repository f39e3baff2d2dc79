using TrayPop.Dataverse.Connectivity;

namespace TrayPop.Windows.Tray;

/// <summary>
/// The device-code sign-in's page and code as a tray balloon: a WinExe has no console, and the agent looks at the tray,
/// not the log. Shown straight, not through the notifier, so it never replaces a pending caller's page.
/// </summary>
internal sealed class TrayDeviceCodePrompt(TrayWindow tray) : IDeviceCodePrompt
{
    public const string Title = "Sign in to Dynamics 365";

    public void Show(string message) => tray.ShowBalloon(Title, Core.Diagnostics.OutsideText.Escape(message, Core.Pop.Notification.MaxTextLength));
}
