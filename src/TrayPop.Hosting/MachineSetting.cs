namespace TrayPop.Hosting;

/// <summary>One machine-wide setting: its registry value name, the configuration key it sets, and the MSI property that writes it.</summary>
/// <param name="IsSwitch">An on/off setting: the MSI's <c>1</c>/<c>0</c> read as <c>true</c>/<c>false</c>.</param>
internal sealed record MachineSetting(string ValueName, string ConfigurationKey, string MsiProperty, bool IsSwitch = false);
