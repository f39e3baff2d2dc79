namespace TrayPop.Windows.Tray;

/// <summary>What the tray icon tells the agent at a glance; <see cref="TrayStatus"/> picks one when several apply.</summary>
internal enum TrayState
{
    Ready,
    Paused,
    SignedOut,
    CrmUnreachable,
}
