namespace TrayPop.SystemTests.Support;

/// <summary>
/// The published win-x64 TrayPop.exe, built once per test run (about 30 s). CI may publish it
/// beforehand and point <c>TRAYPOP_WINDOWS_PUBLISH_DIR</c> at the folder.
/// </summary>
internal static class WindowsBuild
{
    private static readonly Lazy<Task<string>> Exe = new(PublishAsync);

    public static Task<string> ExeAsync() => Exe.Value;

    private static async Task<string> PublishAsync()
    {
        if (Environment.GetEnvironmentVariable("TRAYPOP_WINDOWS_PUBLISH_DIR") is { Length: > 0 } given)
        {
            var prebuilt = Path.Combine(given, "TrayPop.exe");
            return File.Exists(prebuilt) ? prebuilt : throw new FileNotFoundException("TRAYPOP_WINDOWS_PUBLISH_DIR has no TrayPop.exe", prebuilt);
        }

        var output = Path.Combine(Repository.Artifacts, "publish-win-x64");
        await Command.RunCheckedAsync(
            "bash", [Path.Combine(Repository.Root, "scripts", "publish-windows.sh"), output], timeout: TimeSpan.FromMinutes(8));
        return Path.Combine(output, "TrayPop.exe");
    }
}
