namespace TrayPop.Core.Connectivity;

/// <summary>
/// The CRM connection as the last Dataverse request found it. Fed by <see cref="CrmStatusHandler"/> on every
/// request (lookups, WhoAmI at start, Check connection, /health) and by the connection check itself; no timer
/// polls it, so an idle TrayPop asks nothing. Thread-safe.
/// </summary>
internal sealed class CrmStatus
{
    private readonly Lock gate = new();
    private CrmState state;

    /// <summary>Raised after <see cref="State"/> changed, on the thread that reported the change.</summary>
    public event EventHandler? Changed;

    public CrmState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    public void Report(CrmState value)
    {
        lock (gate)
        {
            if (state == value)
            {
                return;
            }

            state = value;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }
}
