using TrayPop.SystemTests.Support;

namespace TrayPop.SystemTests.Installer;

/// <summary>An MSI built by installer/build.sh, and its tables as msiinfo exports them.</summary>
internal sealed class MsiPackage(string path, string version)
{
    public string Path { get; } = path;

    public string Version { get; } = version;

    /// <summary>The path as Wine sees it (drive Z: is /).</summary>
    public string WinePath => "Z:" + Path.Replace('/', '\\');

    /// <summary>Builds from an already published folder; <paramref name="version"/> null means the build's own version.</summary>
    public static async Task<MsiPackage> BuildAsync(string publishDir, string output, string? version = null)
    {
        string[] versionArgs = version is null ? [] : ["--version", version];
        var printed = await Command.RunCheckedAsync(
            "bash", [System.IO.Path.Combine(Repository.Root, "installer", "build.sh"), "--publish-dir", publishDir, "--output", output, .. versionArgs],
            timeout: TimeSpan.FromMinutes(5));
        var msi = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        Assert.True(File.Exists(msi), $"build.sh printed {msi}, which does not exist:\n{printed}");
        var name = System.IO.Path.GetFileNameWithoutExtension(msi);
        return new MsiPackage(msi, name["TrayPop-".Length..^"-x64".Length]);
    }

    public async Task<IReadOnlyList<string>> TablesAsync() =>
        (await Command.RunCheckedAsync("msiinfo", ["tables", Path])).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The rows of one table, each as column name → value (msiinfo export: names, types, table line, then rows).</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> RowsAsync(string table)
    {
        var lines = (await Command.RunCheckedAsync("msiinfo", ["export", Path, table]))
            .Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var columns = lines[0].Split('\t');
        return [.. lines.Skip(3).Select(line =>
        {
            var cells = line.Split('\t');
            return (IReadOnlyDictionary<string, string>)columns.Select((c, i) => (c, i < cells.Length ? cells[i] : string.Empty)).ToDictionary(p => p.c, p => p.Item2);
        })];
    }

    public async Task<IReadOnlyDictionary<string, string>> PropertiesAsync() =>
        (await RowsAsync("Property")).ToDictionary(r => r["Property"], r => r["Value"]);
}
