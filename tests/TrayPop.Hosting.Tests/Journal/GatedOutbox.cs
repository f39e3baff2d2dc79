using TrayPop.Core.Journal;
using TrayPop.Core.Lookup;

namespace TrayPop.Hosting.Tests.Journal;

/// <summary>An outbox whose writes finish only when the test says, or fail the way a full or broken disk fails them.</summary>
internal sealed class GatedOutbox : IJournalOutbox
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<JournalEvent> _events = [];
    private readonly List<(string Key, CrmRecord Record)> _regards = [];
    private readonly Lock _lock = new();

    /// <summary>When set, every write fails with it once the gate opens.</summary>
    public Exception? Failure { get; init; }

    public IReadOnlyList<JournalEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<(string Key, CrmRecord Record)> Regards
    {
        get
        {
            lock (_lock)
            {
                return [.. _regards];
            }
        }
    }

    public void Open() => _gate.TrySetResult();

    public Task AppendAsync(JournalEvent journalEvent)
    {
        lock (_lock)
        {
            _events.Add(journalEvent);
        }

        return WrittenAsync();
    }

    public Task RegardAsync(string callKey, CrmRecord regarding)
    {
        lock (_lock)
        {
            _regards.Add((callKey, regarding));
        }

        return WrittenAsync();
    }

    public IReadOnlyList<JournaledCall> OpenCallsWithoutId() => [];

    private async Task WrittenAsync()
    {
        await _gate.Task;
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
