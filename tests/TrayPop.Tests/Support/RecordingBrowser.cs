namespace TrayPop.Tests.Support;

/// <summary>A "browser" program for <c>TrayPop:Browser:Command</c> that appends each URL it is given to a file.</summary>
internal sealed class RecordingBrowser : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("traypop-browser-").FullName;

    public RecordingBrowser()
    {
        var script = Path.Combine(_directory, "browser.sh");
        File.WriteAllText(script, "#!/bin/sh\nprintf '%s\\n' \"$1\" >> \"$(dirname \"$0\")/opened.txt\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Command = $"{script} {{url}}";
    }

    public string Command { get; }

    public IReadOnlyList<string> Opened
    {
        get
        {
            var file = Path.Combine(_directory, "opened.txt");
            return File.Exists(file) ? File.ReadAllLines(file) : [];
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
