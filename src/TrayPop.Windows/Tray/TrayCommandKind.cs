namespace TrayPop.Windows.Tray;

internal enum TrayCommandKind
{
    PausePops,
    ResumePops,
    OpenUrl,
    CheckConnection,
    OpenLogFolder,
    Exit,
}
