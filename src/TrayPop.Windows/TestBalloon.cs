using Microsoft.Extensions.Hosting;
using TrayPop.Core.Pop;

namespace TrayPop.Windows;

/// <summary>
/// Test hook (<c>--test-balloon URL</c>): shows an unknown-caller balloon for URL once the tray is up,
/// so the Wine system test can exercise balloon and click without the call pipeline.
/// </summary>
internal sealed class TestBalloon(INotifier notifier, Uri url) : IHostedService
{
    public const string Switch = "--test-balloon";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        notifier.Show(new Notification("Unknown caller +1 425 555 0100", "Click to create a contact.", url));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
