namespace TrayPop.Core.Tray;

internal enum TrayCommandKind
{
    PausePops,
    ResumePops,
    OpenUrl,
    CheckConnection,
    OpenLogFolder,
    Exit,
}
