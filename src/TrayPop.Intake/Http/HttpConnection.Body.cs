using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
namespace TrayPop.Intake.Http;

/// <summary>Request bodies: <c>Content-Length</c> or chunked, read only when an endpoint asks, never past the limit.</summary>
internal sealed partial class HttpConnection
{
    private const int MaxChunkSizeLine = 1024;

    public async ValueTask<RequestBody> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasBody)
        {
            _bodyRead = true;
            return RequestBody.Empty;
        }

        if (request.ContentLength > HttpLimits.MaxBodyBytes)
        {
            // Refused before a byte is read, and without a 100 Continue, so a client that waits sends nothing.
            return RequestBody.OverLimit;
        }

        if (AwaitsContinue(request))
        {
            await _output.WriteAsync(HttpResponseWriter.Continue, cancellationToken);
        }

        return await ReadBodyCoreAsync(request, cancellationToken);
    }

    /// <summary>
    /// After an answer that left the body unread: reads past it so the next request on the connection can be parsed,
    /// as Kestrel did. False when the connection should close instead: the body is too large, or the client still
    /// waits for a 100 Continue that never came and may send its next request where the body would be.
    /// </summary>
    private async ValueTask<bool> SkipUnreadBodyAsync(HttpRequest request)
    {
        if (!request.HasBody || _bodyRead)
        {
            return true;
        }

        if (_bodyStarted || request.ContentLength > HttpLimits.MaxBodyBytes || AwaitsContinue(request))
        {
            return false;
        }

        return !(await ReadBodyCoreAsync(request, _timeout.Token)).TooLarge;
    }

    /// <summary>Whether the client asked to be invited to send the body and has not started sending it anyway.</summary>
    private bool AwaitsContinue(HttpRequest request) =>
        request.IsHttp11 && request.Headers.HasToken("Expect", "100-continue") && (!_input.TryRead(out var buffered) || Unread(buffered));

    private bool Unread(ReadResult buffered)
    {
        _input.AdvanceTo(buffered.Buffer.Start);
        return buffered.Buffer.IsEmpty;
    }

    private async ValueTask<RequestBody> ReadBodyCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Once begun, a body is either read to its end or the connection closes: its rest cannot be told from a request.
        _bodyStarted = true;
        var body = _body ??= ArrayPool<byte>.Shared.Rent(HttpLimits.MaxBodyBytes);
        var length = request.IsChunked ? await ReadChunkedAsync(body, cancellationToken) : await ReadLengthAsync(body, (int)request.ContentLength!.Value, cancellationToken);
        if (length < 0)
        {
            return RequestBody.OverLimit;
        }

        _bodyRead = true;
        _timeout.CancelAfter(Timeout.InfiniteTimeSpan);
        return new RequestBody(body.AsMemory(0, length), TooLarge: false);
    }

    private async ValueTask<int> ReadLengthAsync(byte[] body, int length, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < length)
        {
            var result = await _input.ReadAsync(cancellationToken);
            var take = (int)Math.Min(result.Buffer.Length, length - read);
            var slice = result.Buffer.Slice(0, take);
            slice.CopyTo(body.AsSpan(read));
            read += take;
            _input.AdvanceTo(slice.End);
            if (read < length && result.IsCompleted)
            {
                throw Malformed("the connection closed inside the body");
            }
        }

        return read;
    }

    /// <summary>The decoded length of a chunked body, or -1 once it grows past the limit.</summary>
    private async ValueTask<int> ReadChunkedAsync(byte[] body, CancellationToken cancellationToken)
    {
        var total = 0;
        long remaining = 0;
        var state = ChunkState.Size;
        // Trailer fields count against the limits of header fields, as Kestrel counts them: 431 past either.
        var trailerBytes = 0;
        var trailerFields = 0;
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var reader = new SequenceReader<byte>(buffer);
            while (state != ChunkState.Done && !reader.End)
            {
                if (state == ChunkState.Data)
                {
                    var take = (int)Math.Min(remaining, reader.Remaining);
                    reader.UnreadSequence.Slice(0, take).CopyTo(body.AsSpan(total));
                    reader.Advance(take);
                    total += take;
                    remaining -= take;
                    state = remaining == 0 ? ChunkState.DataEnd : ChunkState.Data;
                    continue;
                }

                // Chunk framing takes CRLF only, as Kestrel did: a bare LF after the data is a malformed body.
                // The most bytes the next line may take with its LF; a trailer's budget keeps room for the final CRLF.
                var maxLine = state == ChunkState.Trailer ? HttpLimits.MaxHeaderBytes - trailerBytes + 2 : MaxChunkSizeLine + 1;
                if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
                {
                    if (reader.Remaining >= maxLine)
                    {
                        throw state == ChunkState.Trailer ? TrailersTooLarge() : Malformed("chunk line too long");
                    }

                    break;
                }

                if (line.Length + 1 > maxLine)
                {
                    throw state == ChunkState.Trailer ? TrailersTooLarge() : Malformed("chunk line too long");
                }

                var whole = line.IsSingleSegment ? line.FirstSpan : (ReadOnlySpan<byte>)line.ToArray();
                var text = whole.EndsWith((byte)'\r') ? whole[..^1] : throw Malformed("chunk line without CRLF");
                switch (state)
                {
                    case ChunkState.Size:
                        var size = ChunkSize(text);
                        if (size == 0)
                        {
                            state = ChunkState.Trailer;
                        }
                        else if (total + size > HttpLimits.MaxBodyBytes)
                        {
                            _input.AdvanceTo(reader.Position, buffer.End);
                            return -1;
                        }
                        else
                        {
                            (remaining, state) = (size, ChunkState.Data);
                        }

                        break;
                    case ChunkState.DataEnd:
                        state = text.IsEmpty ? ChunkState.Size : throw Malformed("chunk data longer than its size");
                        break;
                    default:
                        // Trailer fields are read past and ignored; the empty line ends the body.
                        if (text.IsEmpty)
                        {
                            state = ChunkState.Done;
                        }
                        else if (++trailerFields > HttpLimits.MaxHeaderCount || (trailerBytes += (int)line.Length + 1) > HttpLimits.MaxHeaderBytes)
                        {
                            throw TrailersTooLarge();
                        }

                        break;
                }
            }

            if (state == ChunkState.Done)
            {
                // Only what the body took is examined: a pipelined request already buffered behind it is parsed now,
                // without waiting for bytes that may never come.
                _input.AdvanceTo(reader.Position);
                return total;
            }

            _input.AdvanceTo(reader.Position, buffer.End);

            if (result.IsCompleted)
            {
                throw Malformed("the connection closed inside the body");
            }
        }
    }

    private static long ChunkSize(ReadOnlySpan<byte> line)
    {
        var end = line.IndexOf((byte)';');
        var digits = end < 0 ? line : line[..end];
        if (digits.IsEmpty || digits.Length > 8 || !long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
        {
            throw Malformed("invalid chunk size");
        }

        return size;
    }

    private static HttpRequestRejectedException Malformed(string message) => new(HttpStatus.BadRequest, message);

    private static HttpRequestRejectedException TrailersTooLarge() => new(HttpStatus.HeadersTooLarge, "chunk trailer fields too large");

    private enum ChunkState
    {
        Size,
        Data,
        DataEnd,
        Trailer,
        Done,
    }
}
