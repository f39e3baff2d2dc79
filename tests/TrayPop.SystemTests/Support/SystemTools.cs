namespace TrayPop.SystemTests.Support;

/// <summary>The outside programs system tests use, and whether a missing one skips or fails.</summary>
internal static class SystemTools
{
    /// <summary>With this value in <c>TRAYPOP_SYSTEM_TESTS</c> (CI sets it) a missing tool fails the test instead of skipping it.</summary>
    public const string RequiredVariable = "TRAYPOP_SYSTEM_TESTS";

    public static readonly string[] Wine = ["wine", "wineserver", "Xvfb", "xdotool", "import", "convert"];

    /// <summary>With <c>TRAYPOP_SYSTEM_TESTS=off</c> they are skipped: .ci/run sets it for tier 1 and runs them as tier 2.</summary>
    public static bool Off =>
        string.Equals(Environment.GetEnvironmentVariable(RequiredVariable), "off", StringComparison.OrdinalIgnoreCase);

    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable(RequiredVariable), "required", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Missing(IEnumerable<string> tools) => [.. tools.Where(t => Find(t) is null)];

    /// <summary>Throws (failing the test) when a tool is missing; a skip has already happened if it was allowed.</summary>
    public static void Require(IEnumerable<string> tools)
    {
        var missing = Missing(tools);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{RequiredVariable}=required but these tools are missing: {string.Join(", ", missing)}. Install them with scripts/ci-system-deps.sh.");
        }
    }

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
