using System.Collections.Concurrent;
using TrayPop.Core.Pop;

namespace TrayPop.Testing;

/// <summary>A notifier that records the notifications it was asked to show.</summary>
internal sealed class RecordingNotifier : INotifier
{
    private readonly ConcurrentQueue<Notification> _shown = new();

    public IReadOnlyList<Notification> Shown => [.. _shown];

    public void Show(Notification notification) => _shown.Enqueue(notification);
}
