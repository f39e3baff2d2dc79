using TrayPop.Core.Connectivity;

namespace TrayPop.Windows.Tray;

/// <summary>
/// The facts behind the tray state, set by whoever learns them (<see cref="CrmStatus"/>, the agent's
/// Pause item), and the single <see cref="TrayState"/> they add up to. Thread-safe.
/// </summary>
internal sealed class TrayStatus
{
    private readonly Lock gate = new();
    private bool paused;
    private bool signedOut;
    private bool crmUnreachable;

    /// <summary>Raised after <see cref="State"/> changed, on the thread that changed it.</summary>
    public event EventHandler? Changed;

    public TrayState State
    {
        get
        {
            lock (gate)
            {
                return Combine(paused, signedOut, crmUnreachable);
            }
        }
    }

    /// <summary>True while the agent has paused pops; the pipeline should not open anything then.</summary>
    public bool IsPaused
    {
        get
        {
            lock (gate)
            {
                return paused;
            }
        }
    }

    public void SetPaused(bool value) => Update(() => paused = value);

    public void SetSignedOut(bool value) => Update(() => signedOut = value);

    public void SetCrmUnreachable(bool value) => Update(() => crmUnreachable = value);

    /// <summary>Follows <see cref="CrmStatus"/>: one change, so the icon never shows a state in between.</summary>
    public void SetCrm(CrmState state) => Update(() =>
    {
        signedOut = state == CrmState.SignedOut;
        crmUnreachable = state == CrmState.Unreachable;
    });

    // A broken connection matters more than a pause the agent chose: it is what they need to act on.
    private static TrayState Combine(bool paused, bool signedOut, bool crmUnreachable) =>
        signedOut ? TrayState.SignedOut
        : crmUnreachable ? TrayState.CrmUnreachable
        : paused ? TrayState.Paused
        : TrayState.Ready;

    private void Update(Action change)
    {
        bool changed;
        lock (gate)
        {
            var before = Combine(paused, signedOut, crmUnreachable);
            change();
            changed = before != Combine(paused, signedOut, crmUnreachable);
        }

        if (changed)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }
}
