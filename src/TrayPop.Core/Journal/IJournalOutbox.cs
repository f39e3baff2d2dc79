using TrayPop.Core.Lookup;

namespace TrayPop.Core.Journal;

/// <summary>
/// The durable store of call events. Writes are queued and done off the caller's thread; each returned task completes
/// only once its write is on disk, and faults when it could not be made.
/// </summary>
internal interface IJournalOutbox
{
    Task AppendAsync(JournalEvent journalEvent);

    /// <summary>The record the call's lookup found, once it is known (the call's first write may have been made before).</summary>
    Task RegardAsync(string callKey, CrmRecord regarding);

    /// <summary>Calls without a call id that have not ended, to carry on after a restart.</summary>
    IReadOnlyList<JournaledCall> OpenCallsWithoutId();
}
