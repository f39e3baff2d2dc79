namespace TrayPop.Dataverse.Connectivity;

/// <summary>
/// Where the device-code sign-in (<c>Auth:Mode=DeviceCode</c>) tells the agent which page to open and which code to enter:
/// the platform's place the agent looks (a tray notification on Windows, stderr headless). The log has it too.
/// </summary>
internal interface IDeviceCodePrompt
{
    /// <summary>Shows Microsoft's message (the page and the one-time code; no token). Must not block.</summary>
    void Show(string message);
}
