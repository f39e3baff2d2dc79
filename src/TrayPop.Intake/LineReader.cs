namespace TrayPop.Intake;

/// <summary>
/// Reads <c>\n</c>-terminated lines of at most a given size from a stream. A longer line is reported as
/// <see cref="Result.TooLong"/> as soon as it passes the size, and nothing more is read: the caller closes the connection,
/// so a line without end cannot stream forever.
/// </summary>
internal sealed class LineReader(Stream stream, int maxLineBytes, LineTimeouts? timeouts = null)
{
    private readonly byte[] _buffer = new byte[maxLineBytes + 1];
    private int _start;
    private int _end;

    public readonly record struct Result(ReadOnlyMemory<byte> Bytes, bool TooLong);

    /// <summary>The next line without its terminator (and without a trailing <c>\r</c>), or null at end of stream.</summary>
    public async Task<Result?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, newline - _start);
                _start = newline + 1;
                if (line.Length > 0 && line.Span[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                if (line.Length == 0)
                {
                    continue;
                }

                timeouts?.Timer.CancelAfter(Timeout.InfiniteTimeSpan);
                return new Result(line.ToArray(), TooLong: false);
            }

            if (_end - _start > maxLineBytes)
            {
                timeouts?.Timer.CancelAfter(Timeout.InfiniteTimeSpan);
                return new Result(ReadOnlyMemory<byte>.Empty, TooLong: true);
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (timeouts is not null)
            {
                var idle = _end == 0;
                timeouts.Timer.CancelAfter(idle ? timeouts.Idle : timeouts.Read);
                timeouts.IdleChanged?.Invoke(idle);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                // A last line without its newline still counts.
                if (_end > _start)
                {
                    _buffer[_end++] = (byte)'\n';
                    continue;
                }

                return null;
            }

            _end += read;
        }
    }
}
