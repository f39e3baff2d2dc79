using Microsoft.Extensions.Configuration;
using Microsoft.Win32;
using TrayPop.Hosting;

namespace TrayPop.Windows.Configuration;

internal static class RegistryConfigurationExtensions
{
    /// <summary>
    /// The machine's TrayPop settings, lowest first: what the MSI wrote (<c>HKLM\Software\TrayPop</c>),
    /// user policy (<c>HKCU\Software\Policies\TrayPop</c>), then machine policy
    /// (<c>HKLM\Software\Policies\TrayPop</c>), which wins as Group Policy does. One source per key, so
    /// <c>traypop check</c> names the key a value came from.
    /// </summary>
    public static IConfigurationBuilder AddTrayPopRegistry(this IConfigurationBuilder builder) => builder
        .Add(new RegistryConfigurationSource(RegistryHive.LocalMachine, MachineSettings.MachineKey))
        .Add(new RegistryConfigurationSource(RegistryHive.CurrentUser, MachineSettings.PolicyKey))
        .Add(new RegistryConfigurationSource(RegistryHive.LocalMachine, MachineSettings.PolicyKey));
}
