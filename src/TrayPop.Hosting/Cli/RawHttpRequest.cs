using System.Globalization;
using System.Text;
using TrayPop.Core.Calls;

namespace TrayPop.Hosting.Cli;

/// <summary>
/// The one HTTP/1.1 request <c>traypop pop</c> sends, written out by hand: <c>GET /call?…</c> to this session's
/// loopback intake, closed after the answer. Plain ASCII, so any conforming server reads it.
/// </summary>
internal static class RawHttpRequest
{
    public const string TokenHeader = "X-TrayPop-Token";

    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>The request for <paramref name="callEvent"/>; throws <see cref="FormatException"/> for a token no header may carry.</summary>
    public static byte[] ForCall(CallEvent callEvent, int port, string? token)
    {
        var request = new StringBuilder("GET ").Append(Target(callEvent)).Append(" HTTP/1.1\r\n")
            .Append("Host: 127.0.0.1:").Append(port.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        if (token is not null)
        {
            request.Append(TokenHeader).Append(": ").Append(HeaderValue(token)).Append("\r\n");
        }

        request.Append("Connection: close\r\n\r\n");
        return Encoding.ASCII.GetBytes(request.ToString());
    }

    /// <summary>The path and query: every value escaped as a URI data string (UTF-8, then percent-encoded).</summary>
    public static string Target(CallEvent callEvent)
    {
        var target = new StringBuilder("/call?number=");
        AppendEscaped(target, callEvent.Number);
        target.Append("&type=").Append(CallNames.Of(callEvent.Type));
        if (callEvent.Phase != CallPhase.Now)
        {
            target.Append("&phase=").Append(CallNames.Of(callEvent.Phase));
        }

        if (callEvent.CallId is not null)
        {
            target.Append("&callId=");
            AppendEscaped(target, callEvent.CallId);
        }

        return target.ToString();
    }

    /// <summary>
    /// What <see cref="Uri.EscapeDataString(string)"/> writes (RFC 3986: unreserved characters as they are, every other
    /// UTF-8 byte as <c>%XX</c>, a lone surrogate as U+FFFD) without loading System.Private.Uri for it.
    /// </summary>
    internal static void AppendEscaped(StringBuilder target, string value)
    {
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                target.Append((char)b);
            }
            else
            {
                target.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }
    }

    /// <summary>A header value must be visible ASCII, spaces and tabs: anything else would end or corrupt the request.</summary>
    private static string HeaderValue(string value)
    {
        foreach (var c in value)
        {
            if (c is not ('\t' or (>= ' ' and <= '~')))
            {
                throw new FormatException($"TrayPop:Listener:Token must be printable ASCII to travel in the {TokenHeader} header.");
            }
        }

        return value;
    }
}
