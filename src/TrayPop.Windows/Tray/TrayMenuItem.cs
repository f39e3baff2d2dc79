namespace TrayPop.Windows.Tray;

/// <summary>
/// One entry of the tray's context menu: a command, a submenu (<see cref="Children"/>), or a separator.
/// A disabled item is shown greyed out and has no command.
/// </summary>
internal sealed record TrayMenuItem(string Text, TrayCommand? Command = null, IReadOnlyList<TrayMenuItem>? Children = null)
{
    public static TrayMenuItem Separator { get; } = new(string.Empty);

    public bool IsSeparator => Text.Length == 0;

    public bool IsEnabled => Command is not null || Children is { Count: > 0 };
}
