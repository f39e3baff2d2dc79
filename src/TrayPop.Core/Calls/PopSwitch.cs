namespace TrayPop.Core.Calls;

/// <summary>The agent's Pause/Resume: while paused, calls are still tracked and listed but nothing opens.</summary>
internal sealed class PopSwitch
{
    private volatile bool _paused;

    public bool Paused
    {
        get => _paused;
        set
        {
            _paused = value;
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }

    public event EventHandler? Changed;
}
