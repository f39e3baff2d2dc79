using System.Globalization;
using System.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Win32;
using TrayPop.Hosting;

namespace TrayPop.Windows.Configuration;

/// <summary>Reads the values of one registry key once, at start; <c>traypop check</c> names it through <see cref="ToString"/>.</summary>
internal sealed class RegistryConfigurationProvider(RegistryConfigurationSource source) : ConfigurationProvider
{
    public override void Load() => Data = MachineSettings.ToConfiguration(ReadValues());

    /// <summary>Where the values come from, as an administrator would type it: <c>registry HKLM\Software\TrayPop</c>.</summary>
    public override string ToString() => $@"registry {HiveName(source.Hive)}\{source.KeyPath}";

    private List<KeyValuePair<string, string?>> ReadValues()
    {
        var values = new List<KeyValuePair<string, string?>>();
        try
        {
            // The 64-bit view on purpose: the MSI's components are 64-bit, and a 32-bit view would read Wow6432Node.
            using var root = RegistryKey.OpenBaseKey(source.Hive, RegistryView.Registry64);
            using var key = root.OpenSubKey(source.KeyPath, writable: false);
            if (key is null)
            {
                return values;
            }

            foreach (var name in key.GetValueNames())
            {
                values.Add(new(name, Text(key.GetValue(name))));
            }
        }
        catch (Exception ex) when (ex is SecurityException or UnauthorizedAccessException or IOException)
        {
            // A key this user may not read counts as absent; the settings below it still apply.
        }

        return values;
    }

    /// <summary>Strings as they are (REG_EXPAND_SZ expanded), DWORD/QWORD in decimal; other kinds are not settings.</summary>
    private static string? Text(object? value) => value switch
    {
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string HiveName(RegistryHive hive) => hive switch
    {
        RegistryHive.LocalMachine => "HKLM",
        RegistryHive.CurrentUser => "HKCU",
        _ => hive.ToString(),
    };
}
