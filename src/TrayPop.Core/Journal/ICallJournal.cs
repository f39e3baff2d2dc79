using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;

namespace TrayPop.Core.Journal;

/// <summary>Where the pipeline hands every accepted call event, so that it is in the outbox before the softphone is answered.</summary>
internal interface ICallJournal
{
    /// <summary>
    /// Starts the event's durable write and returns at once (the lookup and the launch never wait for it); null when the
    /// event is not journaled. <paramref name="lookup"/> is the call's lookup, when one was started.
    /// </summary>
    JournalWrite? Start(CallEvent callEvent, CallerId callerId, Task<LookupResult>? lookup);
}
