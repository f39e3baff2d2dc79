using System.Buffers;

namespace TrayPop.Intake.Http;

/// <summary>
/// Finds where a request head (request line, header fields, empty line) ends in what has arrived so far, and
/// refuses it as soon as it cannot fit the limits. It resumes where it stopped, so a head that trickles in is
/// scanned once, not once per packet.
/// </summary>
internal struct RequestHeadScanner
{
    private long _scanned;
    private long _requestLineEnd;
    private int _fields;

    /// <summary>
    /// True with <paramref name="headLength"/> (through the empty line) once the head is complete. Throws
    /// <see cref="HttpRequestRejectedException"/> with 414 or 431 when the request line or the fields are too large.
    /// </summary>
    public bool TryFindEnd(in ReadOnlySequence<byte> buffer, out long headLength)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(_scanned);
        while (reader.TryAdvanceTo((byte)'\n'))
        {
            var lineStart = _scanned;
            _scanned = reader.Consumed;
            if (_requestLineEnd == 0)
            {
                _requestLineEnd = _scanned;
                if (_requestLineEnd > HttpLimits.MaxRequestLineBytes)
                {
                    throw RequestLineTooLong();
                }

                continue;
            }

            var length = _scanned - lineStart;
            if (length == 1 || (length == 2 && buffer.Slice(lineStart, 1).FirstSpan[0] == (byte)'\r'))
            {
                headLength = _scanned;
                return true;
            }

            if (++_fields > HttpLimits.MaxHeaderCount || _scanned - _requestLineEnd > HttpLimits.MaxHeaderBytes)
            {
                throw HeadersTooLarge();
            }
        }

        headLength = 0;
        if (_requestLineEnd == 0 && buffer.Length > HttpLimits.MaxRequestLineBytes)
        {
            throw RequestLineTooLong();
        }

        // The final empty line is not counted against the fields' limit.
        if (_requestLineEnd > 0 && buffer.Length - _requestLineEnd > HttpLimits.MaxHeaderBytes + 2)
        {
            throw HeadersTooLarge();
        }

        return false;
    }

    private static HttpRequestRejectedException RequestLineTooLong() => new(HttpStatus.UriTooLong, "request line too long");

    private static HttpRequestRejectedException HeadersTooLarge() => new(HttpStatus.HeadersTooLarge, "request header fields too large");
}
