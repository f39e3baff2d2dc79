using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TrayPop.Harness;

/// <summary>Publishes traypop the way it ships: ReadyToRun, so start-up is measured without JIT-compiling TrayPop's own code.</summary>
internal static class Publish
{
    public static async Task<string> ReadyToRunAsync(string work)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "TrayPop", "TrayPop.csproj");
        var output = Path.Combine(work, "publish");
        Console.WriteLine($"Publishing traypop ReadyToRun for {RuntimeInformation.RuntimeIdentifier} …");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", output, "-nologo", "-v", "quiet" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, OperatingSystem.IsWindows() ? "traypop.exe" : "traypop");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrayPop.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run the harness from the repository (TrayPop.sln not found above " + AppContext.BaseDirectory + ")");
    }
}
