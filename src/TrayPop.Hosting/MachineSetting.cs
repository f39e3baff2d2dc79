namespace TrayPop.Hosting;

/// <summary>One machine-wide setting: its registry value name, the configuration key it sets, and the MSI property that writes it.</summary>
internal sealed record MachineSetting(string ValueName, string ConfigurationKey, string MsiProperty);
