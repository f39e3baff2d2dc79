namespace TrayPop.Dataverse.Auth;

/// <summary>
/// The window the Windows broker (WAM) parents its sign-in dialog to. A platform with a window registers one;
/// without it the broker has no parent to show a dialog on, and TrayPop signs in through the system browser instead.
/// </summary>
internal interface ISignInWindow
{
    IntPtr Handle { get; }
}
