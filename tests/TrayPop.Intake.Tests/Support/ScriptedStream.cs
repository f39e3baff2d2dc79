namespace TrayPop.Intake.Tests.Support;

/// <summary>
/// A connection's stream in memory: each read returns what is left of the next scripted piece (as a socket delivers one
/// segment after another), then 0 as a client that half-closed; what is written back is counted.
/// </summary>
internal sealed class ScriptedStream(byte[] data, IReadOnlyList<int> pieces) : Stream
{
    private int _piece;
    private int _at;
    private int _pieceEnd = pieces.Count > 0 ? pieces[0] : 0;

    /// <summary>How many bytes the connection wrote back.</summary>
    public long Written { get; private set; }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_at == _pieceEnd)
        {
            if (_piece + 1 >= pieces.Count)
            {
                return 0;
            }

            _pieceEnd += pieces[++_piece];
        }

        var length = Math.Min(buffer.Length, _pieceEnd - _at);
        data.AsSpan(_at, length).CopyTo(buffer);
        _at += length;
        return length;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Written += count;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Written += count;
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
