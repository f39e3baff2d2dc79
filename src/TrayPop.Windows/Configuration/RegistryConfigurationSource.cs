using Microsoft.Extensions.Configuration;
using Microsoft.Win32;

namespace TrayPop.Windows.Configuration;

/// <summary>
/// Machine settings from one registry key (the 64-bit view), mapped to configuration keys through
/// <see cref="Core.Hosting.MachineSettings"/>. A missing key is an empty source, not an error.
/// </summary>
internal sealed class RegistryConfigurationSource(RegistryHive hive, string keyPath) : IConfigurationSource
{
    public RegistryHive Hive { get; } = hive;

    public string KeyPath { get; } = keyPath;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new RegistryConfigurationProvider(this);
}
