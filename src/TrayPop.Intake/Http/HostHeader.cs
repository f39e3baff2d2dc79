using System.Buffers;
using System.Globalization;

namespace TrayPop.Intake.Http;

/// <summary>
/// The <c>Host</c> field, read by the rules Kestrel applied before the intake guard saw a request: which values are
/// well formed (anything else is a 400), and how a value splits into host and port.
/// </summary>
internal static class HostHeader
{
    // Alphanumerics and RFC 3986's unreserved and sub-delimiter characters, less those Http.Sys refuses (* + , ; = %).
    private static readonly SearchValues<char> HostChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!$&'()-._~");

    public static bool IsValid(string value)
    {
        if (value.Length == 0)
        {
            // An empty Host is well formed; the guard refuses it as not naming a loopback host.
            return true;
        }

        if (value[0] == '[')
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            // [::1] is the shortest bracketed address.
            return close >= 4 && !value.AsSpan(1, close - 1).ContainsAnyExcept(HexDigitsColonDot) && IsPortValid(value.AsSpan(close + 1));
        }

        if (value[0] == ':')
        {
            return false;
        }

        var end = value.AsSpan().IndexOfAnyExcept(HostChars);
        return end < 0 || IsPortValid(value.AsSpan(end));
    }

    /// <summary>Splits <c>host[:port]</c> or <c>[v6][:port]</c> as ASP.NET Core's <c>HostString</c> did; a port that is not a number reads as none.</summary>
    public static (string Host, int? Port) Split(string value)
    {
        ReadOnlySpan<char> text = value, host, port = default;
        int index;
        if ((index = text.IndexOf(']')) >= 0)
        {
            host = text[..(index + 1)];
            if (index + 2 < text.Length && text[index + 1] == ':')
            {
                port = text[(index + 2)..];
            }
        }
        else if ((index = text.IndexOf(':')) >= 0 && index < text.Length - 1 && !text[(index + 1)..].Contains(':'))
        {
            host = text[..index];
            port = text[(index + 1)..];
        }
        else
        {
            host = text;
        }

        int? number = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return (host.Length == value.Length ? value : host.ToString(), number);
    }

    private static readonly SearchValues<char> HexDigitsColonDot = SearchValues.Create("0123456789abcdefABCDEF:.");

    private static bool IsPortValid(ReadOnlySpan<char> rest) =>
        rest.IsEmpty || (rest.Length > 1 && rest[0] == ':' && !rest[1..].ContainsAnyExceptInRange('0', '9'));
}
