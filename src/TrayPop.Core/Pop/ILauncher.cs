namespace TrayPop.Core.Pop;

/// <summary>Opens a CRM page for the agent. Implementations open only what <see cref="CrmUrlBuilder"/> built.</summary>
public interface ILauncher
{
    /// <summary>Opens <paramref name="url"/>; returns false (and logs why) when no browser could be started.</summary>
    bool Open(Uri url);
}
