using Microsoft.Extensions.Hosting;
using TrayPop.Core.Calls;
using TrayPop.Core.Journal;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;

namespace TrayPop.Hosting.Journal;

/// <summary>Stands in for the journal and the sender when journaling is off: no outbox file is ever opened.</summary>
internal sealed class NoJournal : ICallJournal, IHostedService
{
    public static readonly NoJournal Instance = new();

    public JournalWrite? Start(CallEvent callEvent, CallerId callerId, Task<LookupResult>? lookup) => null;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
