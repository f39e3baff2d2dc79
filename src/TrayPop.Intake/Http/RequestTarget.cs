using System.Buffers;
using System.Text;

namespace TrayPop.Intake.Http;

/// <summary>
/// The request-target of a request line: <c>/path?query</c>, an absolute URI (whose authority the Host field must
/// repeat), <c>*</c> for OPTIONS or an authority for CONNECT. The path is percent-decoded (all but <c>%2F</c>) and
/// its dot segments removed, as Kestrel did, so the router sees what ASP.NET Core routing saw.
/// </summary>
internal readonly record struct RequestTarget(string Path, string QueryString, string? Authority, bool AuthorityIsDefaultPort, int Port)
{
    // What Kestrel refused in a target: control characters other than tab, DEL, and anything beyond ASCII (escaped, it is fine).
    private static readonly SearchValues<byte> Allowed = SearchValues.Create([(byte)'\t', .. Enumerable.Range(0x21, 0x7F - 0x21).Select(b => (byte)b)]);

    /// <summary>Reads <paramref name="raw"/>; throws <see cref="HttpRequestRejectedException"/> (400) when it is no valid target for <paramref name="method"/>.</summary>
    public static RequestTarget Parse(ReadOnlySpan<byte> raw, string method)
    {
        if (raw.IsEmpty || raw.ContainsAnyExcept(Allowed))
        {
            throw Invalid();
        }

        if (method == "CONNECT")
        {
            // authority-form; there is no path to route, so such a request ends in a 404 after the guard.
            return raw[0] == (byte)'/' ? throw Invalid() : new RequestTarget("", "", Encoding.UTF8.GetString(raw), false, 0);
        }

        if (raw[0] == (byte)'/')
        {
            var question = raw.IndexOf((byte)'?');
            var path = question < 0 ? raw : raw[..question];
            var query = question < 0 ? "" : Encoding.ASCII.GetString(raw[question..]);
            return new RequestTarget(NormalizePath(DecodePath(path)), query, null, false, 0);
        }

        if (raw.Length == 1 && raw[0] == (byte)'*')
        {
            return method == "OPTIONS" ? new RequestTarget("", "", null, false, 0) : throw Invalid();
        }

        // absolute-form, e.g. a request sent through a proxy setting: http://127.0.0.1:47470/call?number=…
        if (!Uri.TryCreate(Encoding.UTF8.GetString(raw), UriKind.Absolute, out var uri))
        {
            throw Invalid();
        }

        var absolutePath = Encoding.UTF8.GetBytes(uri.AbsolutePath);
        return new RequestTarget(NormalizePath(DecodePath(absolutePath)), uri.Query, uri.Authority, uri.IsDefaultPort, uri.Port);
    }

    private static HttpRequestRejectedException Invalid() => new(HttpStatus.BadRequest, "invalid request target");

    /// <summary>Decodes %XX escapes as UTF-8, keeping <c>%2F</c> so an escaped slash never becomes a path separator.</summary>
    private static string DecodePath(ReadOnlySpan<byte> path)
    {
        if (!path.Contains((byte)'%'))
        {
            return Encoding.UTF8.GetString(path);
        }

        var decoded = path.Length <= 512 ? stackalloc byte[path.Length] : new byte[path.Length];
        var length = 0;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == (byte)'%' && i + 2 < path.Length && TryHex(path[i + 1], path[i + 2], out var value) && value != (byte)'/')
            {
                decoded[length++] = value;
                i += 2;
            }
            else
            {
                decoded[length++] = path[i];
            }
        }

        if (decoded[..length].Contains((byte)0))
        {
            throw Invalid();
        }

        // Escapes that do not spell UTF-8 leave the path as it came, as Kestrel's decoder did.
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(decoded[..length]);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.UTF8.GetString(path);
        }
    }

    private static bool TryHex(byte high, byte low, out byte value)
    {
        var h = HexValue(high);
        var l = HexValue(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };

    /// <summary>Removes <c>.</c> and <c>..</c> segments (RFC 3986 §5.2.4), never climbing above the root.</summary>
    private static string NormalizePath(string path)
    {
        if (!path.Contains("/.", StringComparison.Ordinal))
        {
            return path;
        }

        var output = new List<string>();
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (segments[i])
            {
                case ".":
                    if (last)
                    {
                        output.Add("");
                    }

                    break;
                case "..":
                    if (output.Count > 0)
                    {
                        output.RemoveAt(output.Count - 1);
                    }

                    if (last)
                    {
                        output.Add("");
                    }

                    break;
                default:
                    output.Add(segments[i]);
                    break;
            }
        }

        return "/" + string.Join('/', output);
    }
}
