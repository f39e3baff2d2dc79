namespace TrayPop.Core.Calls;

/// <summary>The last few calls, newest first, for the tray's Recent calls menu. Thread-safe.</summary>
internal sealed class RecentCalls
{
    public const int DefaultCapacity = 10;

    private readonly Lock gate = new();
    private readonly LinkedList<RecentCall> calls = new();
    private readonly int capacity;

    public RecentCalls(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
    }

    public void Add(RecentCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (gate)
        {
            if (call.CallId is { } id && calls.FirstOrDefault(c => c.CallId == id) is { } earlier)
            {
                calls.Remove(earlier);
            }

            calls.AddFirst(call);
            while (calls.Count > capacity)
            {
                calls.RemoveLast();
            }
        }
    }

    /// <summary>A copy, newest first.</summary>
    public IReadOnlyList<RecentCall> Snapshot()
    {
        lock (gate)
        {
            return [.. calls];
        }
    }
}
