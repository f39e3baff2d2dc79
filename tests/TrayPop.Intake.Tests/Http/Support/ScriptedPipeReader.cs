using System.Buffers;
using System.IO.Pipelines;

namespace TrayPop.Intake.Tests.Http.Support;

/// <summary>
/// Input that arrives exactly as scripted: each read sees the next release point only once everything before it has been
/// examined, as a socket delivers one packet after another. After the last release it either ends (the client closed)
/// or holds, as a client that keeps its connection open and sends nothing more.
/// </summary>
internal sealed class ScriptedPipeReader(byte[] data, IReadOnlyList<int> releases, bool endAfterLast) : PipeReader
{
    private int _stage;
    private int _consumed;
    private int _examined;
    private int _available;
    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The bytes the connection has consumed so far.</summary>
    public int Consumed => _consumed;

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _consumed = Offset(consumed);
        _examined = Math.Max(_examined, Offset(examined));
    }

    public override void CancelPendingRead()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (TryRead(out var result))
        {
            return result;
        }

        await _never.Task.WaitAsync(cancellationToken);
        throw new InvalidOperationException("never completes");
    }

    public override bool TryRead(out ReadResult result)
    {
        if (_examined >= _available && _stage < releases.Count)
        {
            _available = releases[_stage++];
        }

        var ended = endAfterLast && _stage == releases.Count && _available == data.Length;
        if (_examined < _available || ended)
        {
            result = new ReadResult(new ReadOnlySequence<byte>(data, _consumed, _available - _consumed), isCanceled: false, isCompleted: ended);
            return true;
        }

        result = default;
        return false;
    }

    private int Offset(SequencePosition position) => position.GetObject() is null ? _consumed : position.GetInteger();

    /// <summary>Everything in one read, or split once at <paramref name="split"/>.</summary>
    public static ScriptedPipeReader SplitAt(byte[] data, int split, bool endAfterLast) =>
        new(data, split <= 0 || split >= data.Length ? [data.Length] : [split, data.Length], endAfterLast);
}
