namespace TrayPop.Windows.Tray;

internal enum TrayCommandKind
{
    PausePops,
    ResumePops,
    OpenUrl,
    Choose,
    CheckConnection,
    OpenLogFolder,
    Exit,
}
