namespace TrayPop.Windows.Tray;

/// <summary>What a click in the tray asks for; the platform side carries it out and decides nothing.</summary>
/// <param name="Menu">For <see cref="TrayCommandKind.Choose"/>: the menu of records to choose from, each item opening one.</param>
internal sealed record TrayCommand(TrayCommandKind Kind, Uri? Url = null, IReadOnlyList<TrayMenuItem>? Menu = null)
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

    public static TrayCommand Choose(IReadOnlyList<TrayMenuItem> menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        return new(TrayCommandKind.Choose, null, menu);
    }
}
