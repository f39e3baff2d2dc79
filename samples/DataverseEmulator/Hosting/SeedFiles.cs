using System.Diagnostics;
using System.Globalization;
using DataverseEmulator.Seeding;

namespace DataverseEmulator.Hosting;

/// <summary><c>--generate-seed N --out FILE</c>: writes a generated seed and its expected callers, then the process exits.</summary>
internal static class SeedFiles
{
    public static async Task<int> GenerateAsync(int contacts, CommandLineOptions options)
    {
        var watch = Stopwatch.StartNew();
        var seed = EmulatorSeed.Generate(contacts, options.GeneratorSeed, options.ExpectedCallers);
        var outPath = options.OutPath!;
        var callersPath = options.CallersOutPath ?? CallersPathFor(outPath);
        await using (var stream = new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            seed.WriteJson(stream);
        }

        await File.WriteAllTextAsync(callersPath, ExpectedCallersJson.ToText(seed));
        var counts = string.Join(", ", seed.EntitySets.Select(s => string.Create(CultureInfo.InvariantCulture, $"{seed.Count(s)} {s}")));
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {outPath} ({counts}) and {callersPath} ({seed.ExpectedCallers.Count} expected callers) in {watch.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }

    /// <summary>seed.json → seed.callers.json, next to the seed.</summary>
    public static string CallersPathFor(string seedPath) =>
        Path.Combine(Path.GetDirectoryName(seedPath) ?? string.Empty, Path.GetFileNameWithoutExtension(seedPath) + ".callers.json");
}
