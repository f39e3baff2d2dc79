namespace TrayPop.SystemTests.Support;

/// <summary>Paths in the repository and in this test run's artifacts folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Screenshots, logs and the Wine prefix: bin/…/artifacts, kept after the run for inspection.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrayPop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TrayPop.sln not found above " + AppContext.BaseDirectory);
    }
}
