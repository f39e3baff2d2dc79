using System.Collections.Concurrent;
using TrayPop.Core.Pop;

namespace TrayPop.Testing;

/// <summary>A launcher that records what it was asked to open instead of starting a browser.</summary>
internal sealed class RecordingLauncher : ILauncher
{
    private readonly ConcurrentQueue<Uri> _opened = new();

    public IReadOnlyList<Uri> Opened => [.. _opened];

    public bool Open(Uri url)
    {
        _opened.Enqueue(url);
        return true;
    }
}
