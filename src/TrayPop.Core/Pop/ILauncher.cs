namespace TrayPop.Core.Pop;

/// <summary>
/// The platform's way to open a page (the default browser, ShellExecute, a configured command). Only
/// <see cref="CrmLauncher"/> calls it, after the URL policy: implementations open what they are given.
/// </summary>
internal interface ILauncher
{
    /// <summary>Opens <paramref name="url"/>; returns false (and logs why) when no browser could be started.</summary>
    bool Open(Uri url);
}
