using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace TrayPop.Intake.Http;

/// <summary>Serializes an answer as HTTP/1.1: status line, the headers the intake sets (never <c>Server</c>), body.</summary>
internal static class HttpResponseWriter
{
    public static readonly ReadOnlyMemory<byte> Continue = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    public static void Write(IBufferWriter<byte> output, HttpResponse response, bool keepAlive, DateTimeOffset now, bool omitBody)
    {
        var headLength = 160 + (response.ContentType?.Length ?? 0) + (response.Location?.Length ?? 0) * 3 + (response.Allow?.Length ?? 0);
        var span = output.GetSpan(headLength);
        var at = 0;
        Append(span, ref at, "HTTP/1.1 "u8);
        Number(span, ref at, response.Status);
        Append(span, ref at, " "u8);
        at += Encoding.ASCII.GetBytes(HttpStatus.Reason(response.Status), span[at..]);
        Append(span, ref at, "\r\nDate: "u8);
        Utf8Formatter.TryFormat(now, span[at..], out var written, new StandardFormat('R'));
        at += written;
        Append(span, ref at, "\r\nContent-Length: "u8);
        Number(span, ref at, response.Body.Length);
        if (response.ContentType is { } contentType)
        {
            Append(span, ref at, "\r\nContent-Type: "u8);
            at += Encoding.ASCII.GetBytes(contentType, span[at..]);
        }

        if (response.Location is { } location)
        {
            Append(span, ref at, "\r\nLocation: "u8);
            at += Encoding.UTF8.GetBytes(location, span[at..]);
        }

        if (response.Allow is { } allow)
        {
            Append(span, ref at, "\r\nAllow: "u8);
            at += Encoding.ASCII.GetBytes(allow, span[at..]);
        }

        Append(span, ref at, keepAlive ? "\r\nConnection: keep-alive\r\n\r\n"u8 : "\r\nConnection: close\r\n\r\n"u8);
        output.Advance(at);
        if (!omitBody && !response.Body.IsEmpty)
        {
            output.Write(response.Body.Span);
        }
    }

    private static void Append(Span<byte> span, ref int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(span[at..]);
        at += text.Length;
    }

    private static void Number(Span<byte> span, ref int at, int value)
    {
        Utf8Formatter.TryFormat(value, span[at..], out var written);
        at += written;
    }
}
