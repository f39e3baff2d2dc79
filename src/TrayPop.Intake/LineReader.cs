namespace TrayPop.Intake;

/// <summary>Reads <c>\n</c>-terminated lines of at most a given size from a stream; a longer line is reported and skipped.</summary>
internal sealed class LineReader(Stream stream, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[maxLineBytes + 1];
    private int _start;
    private int _end;

    public readonly record struct Result(ReadOnlyMemory<byte> Bytes, bool TooLong);

    /// <summary>The next line without its terminator (and without a trailing <c>\r</c>), or null at end of stream.</summary>
    public async Task<Result?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var skipping = false;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, newline - _start);
                _start = newline + 1;
                if (skipping)
                {
                    return new Result(ReadOnlyMemory<byte>.Empty, TooLong: true);
                }

                if (line.Length > 0 && line.Span[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                if (line.Length == 0)
                {
                    continue;
                }

                return new Result(line.ToArray(), TooLong: false);
            }

            if (_end - _start > maxLineBytes)
            {
                // Too long: drop what we have and keep dropping until the line ends.
                skipping = true;
                _start = _end = 0;
            }
            else if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                if (skipping)
                {
                    return new Result(ReadOnlyMemory<byte>.Empty, TooLong: true);
                }

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
