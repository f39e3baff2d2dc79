using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TrayPop.SystemTests.Support;
using TrayPop.Testing;

namespace TrayPop.SystemTests.Installer;

/// <summary>
/// The MSI as a desktop engineer uses it: built with wixl from one publish, its tables inspected, then
/// installed silently under Wine with properties, upgraded, refused as a downgrade, and removed, with the
/// installed TrayPop.exe reporting where each setting came from.
/// </summary>
[Trait("Category", "System")]
public sealed class InstallerTests(ITestOutputHelper output)
{
    private const string MachineKey = @"HKLM\Software\TrayPop";
    private const string PolicyKey = @"HKLM\Software\Policies\TrayPop";
    private const string RunKey = @"HKLM\Software\Microsoft\Windows\CurrentVersion\Run";
    private const string InstalledExe = @"C:\Program Files\TrayPop\TrayPop.exe";
    private const string UpgradeCode = "{F5406A68-6DCA-4132-B155-574F5CBFB96D}";
    private const string TenantId = "contoso.onmicrosoft.com";
    private const string ClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";
    private const string AppId = "0a5b8e62-24a4-4f48-9c32-0f4d7a7c1c11";

    /// <summary>MSI property → registry value name, as installer/TrayPop.wxs and MachineSettings have them.</summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["DATAVERSE_URL"] = "DataverseUrl",
        ["AUTH_MODE"] = "AuthMode",
        ["TENANT_ID"] = "TenantId",
        ["CLIENT_ID"] = "ClientId",
        ["APP_ID"] = "AppId",
        ["DEFAULT_REGION"] = "DefaultRegion",
        ["OUTSIDE_LINE_PREFIX"] = "OutsideLinePrefix",
        ["LISTEN_PORT"] = "ListenPort",
        ["BROWSER_COMMAND"] = "BrowserCommand",
        ["JOURNAL"] = "Journal",
        ["ALLOW_SAMPLE_CLIENT"] = "AllowSampleClient",
    };

    private readonly Stopwatch clock = Stopwatch.StartNew();

    [SystemFact("wine", "wineserver", "Xvfb", "wixl", "wixl-heat", "msibuild", "msiinfo")]
    public async Task Msi_InstallsSilentlyWithProperties_UpgradesKeepingThem_RefusesDowngrade_AndUninstallsCleanly()
    {
        SystemTools.Require([.. SystemTools.Wine, "wixl", "wixl-heat", "msibuild", "msiinfo"]);
        var publishDir = Path.GetDirectoryName(await WindowsBuild.ExeAsync())!;
        var msiDir = Path.Combine(Repository.Artifacts, "installer");
        var current = await MsiPackage.BuildAsync(publishDir, msiDir);
        var newer = await MsiPackage.BuildAsync(publishDir, msiDir, Bump(current.Version));
        Step($"built {current.Path} ({new FileInfo(current.Path).Length / (1024 * 1024)} MB) and {newer.Version}");

        await InspectTablesAsync(current, publishDir);
        Step("tables inspected");

        // A prefix of its own, fresh each run: the MSI changes machine-wide state the tray test must not see.
        var prefix = Path.Combine(Path.GetTempPath(), "traypop-system-tests", "installer-prefix");
        if (Directory.Exists(prefix))
        {
            Directory.Delete(prefix, recursive: true);
        }

        await using var desktop = await WineDesktop.StartAsync(prefix);
        var log = new OutputLog();
        var listenPort = FreePort.Next();
        var crmUrl = $"http://127.0.0.1:{FreePort.Next()}/contoso";
        Step("Wine prefix ready");
        try
        {
            // 1. Installed without the organisation URL: the install still succeeds, and TrayPop starts signed
            //    out, logs and tells the agent which setting is missing, instead of failing invisibly.
            await MsiexecAsync(desktop, "/i", current,
                "AUTH_MODE=None", $"TENANT_ID={TenantId}", $"CLIENT_ID={ClientId}", $"APP_ID={AppId}",
                "DEFAULT_REGION=GB", "OUTSIDE_LINE_PREFIX=9", $"LISTEN_PORT={listenPort}", "ALLOW_SAMPLE_CLIENT=1");
            var values = await WineRegistry.ValuesAsync(desktop, MachineKey) ?? throw new InvalidOperationException($"{MachineKey} was not written");
            Assert.Equal("None", values["AuthMode"]);
            Assert.Equal("1", values["AllowSampleClient"]);
            Assert.Equal(TenantId, values["TenantId"]);
            Assert.Equal("GB", values["DefaultRegion"]);
            Assert.Equal(listenPort.ToString(CultureInfo.InvariantCulture), values["ListenPort"]);
            Assert.True(!values.TryGetValue("DataverseUrl", out var url) || url.Length == 0, $"DataverseUrl should be empty, was '{url}'");
            Assert.Equal($"\"{InstalledExe}\" run", (await WineRegistry.ValuesAsync(desktop, RunKey))?.GetValueOrDefault("TrayPop"));
            Assert.True(File.Exists(Path.Combine(prefix, "drive_c", "Program Files", "TrayPop", "TrayPop.exe")), "TrayPop.exe is not in Program Files");
            Assert.True(StartMenuShortcuts(prefix).Any(), "no TrayPop.lnk in a Start menu");
            var entries = await WineRegistry.UninstallEntriesAsync(desktop, "TrayPop");
            Assert.Equal(current.Version, Assert.Single(entries)["DisplayVersion"]);
            Step("installed " + current.Version);

            var unconfigured = desktop.StartWine(InstalledExe, ["run"], log);
            var logFile = Path.Combine(prefix, "drive_c", "users", Environment.UserName, "AppData", "Local", "TrayPop", "logs");
            await Eventually.True(() => LogsContain(logFile, "TrayPop:Dataverse:Url is not set"), "the log to say which setting is missing");
            await Eventually.True(async () => await desktop.FindWindowAsync("TrayPop is not set up") is not null, "TrayPop to tell the agent what is missing");
            output.WriteLine("signed out: " + await desktop.ScreenshotAsync("installer-signed-out.png"));
            Assert.False(unconfigured.HasExited, "TrayPop should wait for the agent to read the message");
            unconfigured.Kill(entireProcessTree: true);
            await unconfigured.WaitForExitAsync();
            Step("unconfigured start shows what is missing");

            // 2. The newer build with only the URL given: every other value is remembered, the URL added.
            await MsiexecAsync(desktop, "/i", newer, $"DATAVERSE_URL={crmUrl}");
            values = await WineRegistry.ValuesAsync(desktop, MachineKey) ?? throw new InvalidOperationException($"{MachineKey} is gone after the upgrade");
            Assert.Equal(crmUrl, values["DataverseUrl"]);
            Assert.Equal("None", values["AuthMode"]);
            Assert.Equal(TenantId, values["TenantId"]);
            Assert.Equal(ClientId, values["ClientId"]);
            Assert.Equal(AppId, values["AppId"]);
            Assert.Equal("GB", values["DefaultRegion"]);
            Assert.Equal("9", values["OutsideLinePrefix"]);
            Assert.Equal(listenPort.ToString(CultureInfo.InvariantCulture), values["ListenPort"]);
            Assert.Equal("1", values["AllowSampleClient"]);
            Assert.Equal("1", values["AutoStart"]);
            Assert.NotNull((await WineRegistry.ValuesAsync(desktop, RunKey))?.GetValueOrDefault("TrayPop"));
            entries = await WineRegistry.UninstallEntriesAsync(desktop, "TrayPop");
            Assert.Equal(newer.Version, Assert.Single(entries)["DisplayVersion"]);
            Step("upgraded to " + newer.Version);

            // 3. The installed exe reads the machine settings, and says where from; policy wins over them.
            var check = await InstalledCheckAsync(desktop);
            Assert.Contains($@"TrayPop:Dataverse:Url = {crmUrl}  [from registry {MachineKey}]", check, StringComparison.Ordinal);
            Assert.Contains($@"TrayPop:Dataverse:Auth:Mode = None  [from registry {MachineKey}]", check, StringComparison.Ordinal);
            Assert.Contains($@"TrayPop:Phone:DefaultRegion = GB  [from registry {MachineKey}]", check, StringComparison.Ordinal);
            Assert.Contains($@"TrayPop:Listener:BasePort = {listenPort}  [from registry {MachineKey}]", check, StringComparison.Ordinal);

            await WineRegistry.SetAsync(desktop, PolicyKey, "DefaultRegion", "US");
            check = await InstalledCheckAsync(desktop);
            Assert.Contains($@"TrayPop:Phone:DefaultRegion = US  [from registry {PolicyKey}]", check, StringComparison.Ordinal);
            await WineRegistry.DeleteKeyAsync(desktop, PolicyKey);
            Step("check reports registry and policy");

            // The test's HTTP client is a Linux process: Wine's TCP table names no process for its socket (pid 0), so the
            // same-user check would refuse it (403). WindowsTraySameUserTests runs that check; this test is about the MSI.
            var running = desktop.StartWine(InstalledExe, ["run", "--TrayPop:Listener:AllowOtherUsers=true"], log);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{listenPort}/") };
            var health = await Eventually.Get(() => HealthAsync(http), $"/health on the registry's port {listenPort}");
            Assert.Contains($"\"url\":\"{crmUrl}\"", health, StringComparison.Ordinal);
            Assert.Contains($"\"version\":\"", health, StringComparison.Ordinal);
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
            Step("/health answers on the configured port");

            // 4. The older MSI is refused and changes nothing.
            var (downgradeCode, _) = await Command.RunAsync("wine", ["msiexec", "/i", current.WinePath, "/qn"], desktop.Environment, TimeSpan.FromMinutes(3));
            Assert.NotEqual(0, downgradeCode);
            Assert.Equal(newer.Version, Assert.Single(await WineRegistry.UninstallEntriesAsync(desktop, "TrayPop"))["DisplayVersion"]);
            Assert.Equal(crmUrl, (await WineRegistry.ValuesAsync(desktop, MachineKey))?["DataverseUrl"]);
            Step($"downgrade refused (msiexec exit {downgradeCode})");

            // 5. Uninstall removes the program, the settings, the Run value, the shortcut and the Apps entry.
            await MsiexecAsync(desktop, "/x", newer);
            Assert.False(File.Exists(Path.Combine(prefix, "drive_c", "Program Files", "TrayPop", "TrayPop.exe")), "TrayPop.exe is still installed");
            Assert.Null(await WineRegistry.ValuesAsync(desktop, MachineKey));
            Assert.False((await WineRegistry.ValuesAsync(desktop, RunKey))?.ContainsKey("TrayPop") ?? false, "the Run value is still there");
            Assert.Empty(StartMenuShortcuts(prefix));
            Assert.Empty(await WineRegistry.UninstallEntriesAsync(desktop, "TrayPop"));
            // Per-user logs stay, as the README says.
            Assert.True(Directory.Exists(logFile), "the per-user logs should be left");
            Step("uninstalled");
        }
        finally
        {
            output.WriteLine("TrayPop output:\n" + log);
        }
    }

    private static async Task InspectTablesAsync(MsiPackage msi, string publishDir)
    {
        var tables = await msi.TablesAsync();
        foreach (var table in new[] { "File", "Component", "Registry", "Shortcut", "Upgrade", "Property", "AppSearch", "RegLocator", "Icon", "CustomAction" })
        {
            Assert.Contains(table, tables);
        }

        // Every published file, TrayPop.exe among them.
        var files = await msi.RowsAsync("File");
        Assert.Equal(Directory.GetFiles(publishDir, "*", SearchOption.AllDirectories).Length, files.Count);
        Assert.Contains(files, f => f["FileName"].Split('|').Last() == "TrayPop.exe");

        var properties = await msi.PropertiesAsync();
        Assert.Equal(msi.Version, properties["ProductVersion"]);
        Assert.Equal(UpgradeCode, properties["UpgradeCode"]);
        Assert.Equal("1", properties["ALLUSERS"]);
        Assert.Equal("TrayPop.ico", properties["ARPPRODUCTICON"]);
        Assert.Equal("1", properties["AUTOSTART"]);
        var secure = properties["SecureCustomProperties"].Split(';');
        Assert.All(Settings.Keys.Append("AUTOSTART"), p => Assert.Contains(p, secure));

        // Each property written to HKLM\Software\TrayPop (root 2 = HKLM) and read back by AppSearch on upgrades.
        var registry = await msi.RowsAsync("Registry");
        var searches = (await msi.RowsAsync("AppSearch")).ToDictionary(r => r["Property"], r => r["Signature_"]);
        var locators = (await msi.RowsAsync("RegLocator")).ToDictionary(r => r["Signature_"]);
        foreach (var (property, valueName) in Settings.Append(new("AUTOSTART", "AutoStart")))
        {
            Assert.Contains(registry, r => r["Root"] == "2" && r["Key"] == @"Software\TrayPop" && r["Name"] == valueName && r["Value"] == $"[{property}]");
            var locator = locators[searches[property]];
            Assert.Equal(("2", @"Software\TrayPop", valueName), (locator["Root"], locator["Key"], locator["Name"]));
        }

        var run = Assert.Single(registry, r => r["Key"] == @"Software\Microsoft\Windows\CurrentVersion\Run");
        Assert.Equal(("2", "TrayPop", "\"[INSTALLDIR]TrayPop.exe\" run"), (run["Root"], run["Name"], run["Value"]));
        var autoStart = Assert.Single(await msi.RowsAsync("Component"), c => c["Component"] == "AutoStart");
        Assert.Equal("AUTOSTART<>\"0\"", autoStart["Condition"]);

        var upgrades = await msi.RowsAsync("Upgrade");
        Assert.All(upgrades, u => Assert.Equal(UpgradeCode, u["UpgradeCode"]));
        var upgrade = Assert.Single(upgrades, u => u["ActionProperty"] == "WIX_UPGRADE_DETECTED");
        Assert.Equal(msi.Version, upgrade["VersionMax"]);
        var downgrade = Assert.Single(upgrades, u => u["ActionProperty"] == "WIX_DOWNGRADE_DETECTED");
        Assert.Equal(msi.Version, downgrade["VersionMin"]);
        Assert.Contains(await msi.RowsAsync("LaunchCondition"), c => c["Condition"] == "NOT WIX_DOWNGRADE_DETECTED");

        var shortcut = Assert.Single(await msi.RowsAsync("Shortcut"));
        Assert.Equal(("ProgramMenuFolder", "TrayPop", "[INSTALLDIR]TrayPop.exe", "TrayPop.ico"), (shortcut["Directory_"], shortcut["Name"], shortcut["Target"], shortcut["Icon_"]));
    }

    private static async Task MsiexecAsync(WineDesktop desktop, string action, MsiPackage msi, params string[] properties)
    {
        var logPath = Path.Combine(Repository.Artifacts, $"msiexec{action.Replace('/', '-')}-{msi.Version}.log");
        var (code, text) = await Command.RunAsync(
            "wine", ["msiexec", action, msi.WinePath, "/qn", "/l*v", "Z:" + logPath.Replace('/', '\\'), .. properties], desktop.Environment, TimeSpan.FromMinutes(4));
        // msiexec returns once the server side is done; wait for the prefix's processes to settle.
        await Command.RunAsync("wineserver", ["-w"], desktop.Environment, TimeSpan.FromMinutes(1));
        Assert.True(code == 0, $"msiexec {action} {msi.Version} exited {code} (log: {logPath}):\n{text}");
    }

    private static async Task<string> InstalledCheckAsync(WineDesktop desktop)
    {
        // check exits non-zero here (nothing answers at the organisation URL); its settings report is the point.
        var (_, text) = await Command.RunAsync("wine", [InstalledExe, "check"], desktop.Environment, TimeSpan.FromMinutes(2));
        return text.ReplaceLineEndings("\n");
    }

    private static async Task<string?> HealthAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
            return await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static bool LogsContain(string directory, string text) =>
        Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.log").Any(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd().Contains(text, StringComparison.Ordinal);
        });

    /// <summary>TrayPop.lnk in the all-users Start menu (Windows, with ALLUSERS=1) or the user's (where Wine's msi puts it).</summary>
    private static IEnumerable<string> StartMenuShortcuts(string prefix) =>
        new[]
        {
            Path.Combine(prefix, "drive_c", "ProgramData", "Microsoft", "Windows", "Start Menu", "Programs", "TrayPop.lnk"),
            Path.Combine(prefix, "drive_c", "users", Environment.UserName, "AppData", "Roaming", "Microsoft", "Windows", "Start Menu", "Programs", "TrayPop.lnk"),
        }.Where(File.Exists);

    private static string Bump(string version)
    {
        var parts = version.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        parts[^1]++;
        return string.Join('.', parts);
    }


    private void Step(string what) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0} s] {what}");
}
