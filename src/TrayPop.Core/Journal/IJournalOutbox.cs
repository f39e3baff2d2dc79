namespace TrayPop.Core.Journal;

/// <summary>The durable store of call events; <see cref="Append"/> returns only when the event is on disk.</summary>
internal interface IJournalOutbox
{
    void Append(JournalEvent journalEvent);

    /// <summary>Calls without a call id that have not ended, to carry on after a restart.</summary>
    IReadOnlyList<JournaledCall> OpenCallsWithoutId();
}
