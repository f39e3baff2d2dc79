using Microsoft.Extensions.Hosting;
using TrayPop.Core.Calls;

namespace TrayPop.Hosting.Journal;

/// <summary>Stands in for the listener and the sender when journaling is off: no outbox file is ever opened.</summary>
internal sealed class NoJournal : IPopListener, IHostedService
{
    public static readonly NoJournal Instance = new();

    public void OnHandled(PopReport report)
    {
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
