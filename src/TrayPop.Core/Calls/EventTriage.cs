using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Calls;

/// <summary>
/// What the pipeline knows of an event before anything is awaited: the event (an end typed as its call), its caller id,
/// and either its final <paramref name="Report"/> or the <paramref name="Rule"/> and <paramref name="Lookup"/> to decide with.
/// </summary>
/// <param name="Lookup">The call's lookup when one was started or reused (also for a final report: the journal uses it).</param>
/// <param name="FromRing">The lookup was started by an earlier event of the call.</param>
internal sealed record EventTriage(
    CallEvent Event, CallerId CallerId, PopReport? Report, CallRule? Rule = null, Task<LookupResult>? Lookup = null, bool FromRing = false);
