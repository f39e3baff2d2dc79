using System.Text;
using TrayPop.Core.Calls;

namespace TrayPop.Hosting.Cli;

/// <summary>
/// The one line <c>traypop pop</c> sends over the line protocol: a JSON object with the event's fields (and the token
/// when one is set), then <c>\n</c>. Written by hand because a pop pays for every assembly it loads; the intake reads it
/// with System.Text.Json like any other line.
/// </summary>
internal static class PopLine
{
    private const string HexDigits = "0123456789abcdef";

    public static byte[] For(CallEvent callEvent, string? token)
    {
        var line = new StringBuilder("{\"number\":");
        AppendString(line, callEvent.Number);
        line.Append(",\"type\":\"").Append(CallNames.Of(callEvent.Type)).Append('"');
        if (callEvent.Phase != CallPhase.Now)
        {
            line.Append(",\"phase\":\"").Append(CallNames.Of(callEvent.Phase)).Append('"');
        }

        if (callEvent.CallId is not null)
        {
            line.Append(",\"callId\":");
            AppendString(line, callEvent.CallId);
        }

        if (token is not null)
        {
            line.Append(",\"token\":");
            AppendString(line, token);
        }

        line.Append("}\n");
        return Encoding.UTF8.GetBytes(line.ToString());
    }

    /// <summary>
    /// A JSON string (RFC 8259 §7): quotes, backslashes and control characters escaped, everything else as it is; a lone
    /// surrogate becomes U+FFFD when encoded, as System.Text.Json would replace it.
    /// </summary>
    internal static void AppendString(StringBuilder line, string value)
    {
        line.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    line.Append('\\').Append(c);
                    break;
                case < ' ' or '\u2028' or '\u2029':
                    line.Append("\\u").Append(HexDigits[c >> 12]).Append(HexDigits[(c >> 8) & 0xF]).Append(HexDigits[(c >> 4) & 0xF]).Append(HexDigits[c & 0xF]);
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }

        line.Append('"');
    }
}
