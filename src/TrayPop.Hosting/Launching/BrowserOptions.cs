namespace TrayPop.Hosting.Launching;

/// <summary>Settings under <c>TrayPop:Browser</c>.</summary>
internal sealed class BrowserOptions
{
    public const string Section = "TrayPop:Browser";

    /// <summary>
    /// Optional program line with <c>{url}</c>, e.g. <c>msedge --app={url}</c>; empty means the OS default browser.
    /// The URL is passed as one argument, never through a shell.
    /// </summary>
    public string? Command { get; set; }
}
