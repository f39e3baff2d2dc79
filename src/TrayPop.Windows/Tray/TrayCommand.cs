namespace TrayPop.Windows.Tray;

/// <summary>What a click in the tray asks for; the platform side carries it out and decides nothing.</summary>
internal sealed record TrayCommand(TrayCommandKind Kind, Uri? Url = null)
{
    public static TrayCommand PausePops { get; } = new(TrayCommandKind.PausePops);

    public static TrayCommand ResumePops { get; } = new(TrayCommandKind.ResumePops);

    public static TrayCommand CheckConnection { get; } = new(TrayCommandKind.CheckConnection);

    public static TrayCommand OpenLogFolder { get; } = new(TrayCommandKind.OpenLogFolder);

    public static TrayCommand Exit { get; } = new(TrayCommandKind.Exit);

    public static TrayCommand Open(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new(TrayCommandKind.OpenUrl, url);
    }
}
