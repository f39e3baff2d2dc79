using TrayPop.Core.Diagnostics;

namespace TrayPop.Dataverse.Connectivity;

/// <summary>The device-code prompt headless: one line on stderr, where whoever started TrayPop reads it.</summary>
internal sealed class StandardErrorDeviceCodePrompt(TextWriter? writer = null) : IDeviceCodePrompt
{
    public void Show(string message) => (writer ?? Console.Error).WriteLine(OutsideText.Escape(message, 1024));
}
