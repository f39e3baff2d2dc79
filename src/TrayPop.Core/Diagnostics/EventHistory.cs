namespace TrayPop.Core.Diagnostics;

/// <summary>
/// The last events the pipeline handled, whatever became of them, newest first: what <c>traypop recent</c> shows an
/// engineer on the phone with an agent. Apart from the tray's <see cref="Calls.RecentCalls"/>, which keeps one entry per
/// call that had a page to show. Thread-safe.
/// </summary>
internal sealed class EventHistory
{
    public const int DefaultCapacity = 50;

    private readonly Lock _gate = new();
    private readonly Queue<HandledEvent> _events;
    private readonly int _capacity;

    public EventHistory(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _events = new Queue<HandledEvent>(capacity);
    }

    public void Add(HandledEvent handled)
    {
        ArgumentNullException.ThrowIfNull(handled);
        lock (_gate)
        {
            if (_events.Count == _capacity)
            {
                _events.Dequeue();
            }

            _events.Enqueue(handled);
        }
    }

    /// <summary>A copy, newest first.</summary>
    public IReadOnlyList<HandledEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events.Reverse()];
        }
    }
}
