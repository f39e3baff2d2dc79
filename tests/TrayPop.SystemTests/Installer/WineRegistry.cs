using TrayPop.SystemTests.Support;

namespace TrayPop.SystemTests.Installer;

/// <summary><c>wine reg</c> in the 64-bit view, parsed: what the MSI wrote and the app reads.</summary>
internal static class WineRegistry
{
    /// <summary>The values of one key (name → data), or null when the key does not exist.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> ValuesAsync(WineDesktop desktop, string key)
    {
        var (code, output) = await Command.RunAsync("wine", ["reg", "query", key, "/reg:64"], desktop.Environment);
        if (code != 0)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in output.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            // "    Name    REG_SZ    Data" (data may be empty or hold spaces).
            var parts = line.Trim().Split("    ", 3);
            if (line.StartsWith("    ", StringComparison.Ordinal) && parts.Length >= 2 && parts[1].StartsWith("REG_", StringComparison.Ordinal))
            {
                values[parts[0]] = parts.Length == 3 ? parts[2] : string.Empty;
            }
        }

        return values;
    }

    public static Task SetAsync(WineDesktop desktop, string key, string name, string data) =>
        Command.RunCheckedAsync("wine", ["reg", "add", key, "/v", name, "/t", "REG_SZ", "/d", data, "/f", "/reg:64"], desktop.Environment);

    public static Task DeleteKeyAsync(WineDesktop desktop, string key) =>
        Command.RunCheckedAsync("wine", ["reg", "delete", key, "/f", "/reg:64"], desktop.Environment);

    /// <summary>Every Apps-and-features entry whose DisplayName is <paramref name="displayName"/>: its values.</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> UninstallEntriesAsync(WineDesktop desktop, string displayName)
    {
        const string uninstall = @"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall";
        var (_, output) = await Command.RunAsync("wine", ["reg", "query", uninstall, "/reg:64"], desktop.Environment);
        var entries = new List<IReadOnlyDictionary<string, string>>();
        foreach (var subkey in output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(@"HKEY_LOCAL_MACHINE\", StringComparison.OrdinalIgnoreCase) && !l.EndsWith(@"\Uninstall", StringComparison.OrdinalIgnoreCase)))
        {
            if (await ValuesAsync(desktop, subkey) is { } values && values.TryGetValue("DisplayName", out var name) && name == displayName)
            {
                entries.Add(values);
            }
        }

        return entries;
    }
}
