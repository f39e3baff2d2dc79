using System.Buffers;
using System.Globalization;
using System.Text;

namespace TrayPop.Intake.Http;

/// <summary>
/// Reads a complete request head into an <see cref="HttpRequest"/>, refusing what Kestrel refused with the same
/// status: a malformed line or field is 400, an unknown version 505, and the Host field must be present on
/// HTTP/1.1, appear once, be well formed and repeat an absolute target's authority.
/// </summary>
internal static class HttpRequestParser
{
    private static readonly SearchValues<byte> TokenBytes = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static HttpRequest Parse(in ReadOnlySequence<byte> head, HttpConnection connection)
    {
        if (head.IsSingleSegment)
        {
            return Parse(head.FirstSpan, connection);
        }

        var copy = ArrayPool<byte>.Shared.Rent((int)head.Length);
        try
        {
            head.CopyTo(copy);
            return Parse(copy.AsSpan(0, (int)head.Length), connection);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static HttpRequest Parse(ReadOnlySpan<byte> head, HttpConnection connection)
    {
        var lineEnd = head.IndexOf((byte)'\n');
        var method = RequestLine(TrimCr(head[..lineEnd]), out var rawTarget, out var isHttp11);
        var target = RequestTarget.Parse(rawTarget, method);
        var headers = new HttpHeaders();
        var rest = head[(lineEnd + 1)..];
        while ((lineEnd = rest.IndexOf((byte)'\n')) > 0 && !TrimCr(rest[..lineEnd]).IsEmpty)
        {
            Field(TrimCr(rest[..lineEnd]), headers);
            rest = rest[(lineEnd + 1)..];
        }

        CheckHost(headers, target, isHttp11);
        var (contentLength, chunked) = Framing(headers);
        return new HttpRequest
        {
            Method = method,
            Path = target.Path,
            QueryString = target.QueryString,
            IsHttp11 = isHttp11,
            Headers = headers,
            ContentLength = contentLength,
            IsChunked = chunked,
            KeepAlive = isHttp11 ? !headers.HasToken("Connection", "close") : headers.HasToken("Connection", "keep-alive"),
            Connection = connection,
        };
    }

    private static string RequestLine(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> target, out bool isHttp11)
    {
        var firstSpace = line.IndexOf((byte)' ');
        var lastSpace = line.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace == firstSpace || line[..firstSpace].ContainsAnyExcept(TokenBytes))
        {
            throw BadRequest("invalid request line");
        }

        var version = line[(lastSpace + 1)..];
        isHttp11 = version.SequenceEqual("HTTP/1.1"u8);
        if (!isHttp11 && !version.SequenceEqual("HTTP/1.0"u8))
        {
            throw version.IsEmpty ? BadRequest("invalid request line") : new HttpRequestRejectedException(HttpStatus.VersionNotSupported, "unsupported HTTP version");
        }

        target = line[(firstSpace + 1)..lastSpace];
        var method = line[..firstSpace];
        // The intake's own methods are not allocated anew for every request.
        return method.SequenceEqual("GET"u8) ? "GET" : method.SequenceEqual("POST"u8) ? "POST" : Encoding.ASCII.GetString(method);
    }

    private static void Field(ReadOnlySpan<byte> line, HttpHeaders headers)
    {
        var colon = line.IndexOf((byte)':');
        // No whitespace before the colon and no folded continuation lines: both are refused (RFC 9112 §5.1, §5.2).
        if (colon <= 0 || line[..colon].ContainsAnyExcept(TokenBytes))
        {
            throw BadRequest("invalid header field");
        }

        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (value.IndexOfAny((byte)'\0', (byte)'\r') >= 0)
        {
            throw BadRequest("invalid header field value");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(value);
        }
        catch (DecoderFallbackException)
        {
            throw BadRequest("header field value is not UTF-8");
        }

        headers.Add(Encoding.ASCII.GetString(line[..colon]), text);
    }

    private static void CheckHost(HttpHeaders headers, RequestTarget target, bool isHttp11)
    {
        var count = headers.CountOf("Host");
        if (count == 0)
        {
            // HTTP/1.0 may omit Host; the guard then refuses the request as not naming this listener.
            if (isHttp11)
            {
                throw BadRequest("missing Host header");
            }

            return;
        }

        if (count > 1)
        {
            throw BadRequest("more than one Host header");
        }

        var host = headers["Host"]!;
        var matchesTarget = target.Authority is not { } authority
            || host == authority
            || (target.AuthorityIsDefaultPort && host == authority + ":" + target.Port.ToString(CultureInfo.InvariantCulture));
        if (!matchesTarget || !HostHeader.IsValid(host))
        {
            throw BadRequest("invalid Host header");
        }
    }

    private static (long? ContentLength, bool Chunked) Framing(HttpHeaders headers)
    {
        var transferEncoding = headers["Transfer-Encoding"];
        var lengths = headers.CountOf("Content-Length");
        if (transferEncoding is not null)
        {
            // Both framings at once is how request smuggling starts: refused (RFC 9112 §6.1).
            if (lengths > 0 || !LastCoding(transferEncoding).Equals("chunked", StringComparison.OrdinalIgnoreCase))
            {
                throw BadRequest("invalid Transfer-Encoding");
            }

            return (null, true);
        }

        if (lengths == 0)
        {
            return (null, false);
        }

        var text = headers["Content-Length"]!;
        if (lengths > 1 || text.Length == 0 || text.AsSpan().ContainsAnyExceptInRange('0', '9') || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw BadRequest("invalid Content-Length");
        }

        return (length, false);
    }

    private static string LastCoding(string transferEncoding)
    {
        var comma = transferEncoding.LastIndexOf(',');
        return transferEncoding[(comma + 1)..].Trim();
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) => line.EndsWith((byte)'\r') ? line[..^1] : line;

    private static HttpRequestRejectedException BadRequest(string message) => new(HttpStatus.BadRequest, message);
}
