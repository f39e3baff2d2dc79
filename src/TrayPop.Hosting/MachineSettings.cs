namespace TrayPop.Hosting;

/// <summary>
/// The settings desktop engineers deploy per machine: the MSI writes them under
/// <c>HKLM\Software\TrayPop</c>, Group Policy under <c>HKLM\Software\Policies\TrayPop</c>. Registry value
/// names are short and flat; this table maps them to configuration keys. Platform-neutral so it is
/// tested everywhere; the Windows registry source reads through it.
/// </summary>
internal static class MachineSettings
{
    /// <summary>Written by the MSI from its public properties.</summary>
    public const string MachineKey = @"Software\TrayPop";

    /// <summary>Written by Group Policy; wins over <see cref="MachineKey"/>.</summary>
    public const string PolicyKey = @"Software\Policies\TrayPop";

    public static IReadOnlyList<MachineSetting> All { get; } =
    [
        new("DataverseUrl", "TrayPop:Dataverse:Url", "DATAVERSE_URL"),
        new("AuthMode", "TrayPop:Dataverse:Auth:Mode", "AUTH_MODE"),
        new("TenantId", "TrayPop:Dataverse:Auth:TenantId", "TENANT_ID"),
        new("ClientId", "TrayPop:Dataverse:Auth:ClientId", "CLIENT_ID"),
        // For a trial only: without CLIENT_ID, sign in as Microsoft's sample app.
        new("AllowSampleClient", "TrayPop:Dataverse:Auth:AllowSampleClient", "ALLOW_SAMPLE_CLIENT", IsSwitch: true),
        new("AppId", "TrayPop:Dataverse:AppId", "APP_ID"),
        new("DefaultRegion", "TrayPop:Phone:DefaultRegion", "DEFAULT_REGION"),
        new("OutsideLinePrefix", "TrayPop:Phone:OutsideLinePrefix", "OUTSIDE_LINE_PREFIX"),
        // The base of the per-session pair, so every terminal-server session still gets its own ports.
        new("ListenPort", "TrayPop:Listener:BasePort", "LISTEN_PORT"),
        new("BrowserCommand", "TrayPop:Browser:Command", "BROWSER_COMMAND"),
        new("Journal", "TrayPop:Journal:Enabled", "JOURNAL", IsSwitch: true),
    ];

    private static readonly Dictionary<string, MachineSetting> ByValueName =
        All.ToDictionary(s => s.ValueName, StringComparer.OrdinalIgnoreCase);

    /// <summary>The configuration key for a registry value name (case-insensitive, as the registry is), or null for a name TrayPop does not use.</summary>
    public static string? KeyFor(string valueName) =>
        ByValueName.TryGetValue(valueName, out var setting) ? setting.ConfigurationKey : null;

    /// <summary>
    /// Configuration entries for registry values: unknown names and empty or blank values are skipped
    /// (the MSI writes an empty value for a property that was not given), values are trimmed.
    /// </summary>
    public static Dictionary<string, string?> ToConfiguration(IEnumerable<KeyValuePair<string, string?>> registryValues)
    {
        ArgumentNullException.ThrowIfNull(registryValues);
        var entries = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in registryValues)
        {
            if (ByValueName.TryGetValue(name, out var setting) && !string.IsNullOrWhiteSpace(value))
            {
                var text = value.Trim();
                entries[setting.ConfigurationKey] = setting.IsSwitch ? text switch { "1" => "true", "0" => "false", _ => text } : text;
            }
        }

        return entries;
    }
}
