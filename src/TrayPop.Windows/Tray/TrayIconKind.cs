namespace TrayPop.Windows.Tray;

/// <summary>Which of the tray's icons to show; the platform draws each one.</summary>
internal enum TrayIconKind
{
    Ready,
    Paused,
    Warning,
    Error,
}
