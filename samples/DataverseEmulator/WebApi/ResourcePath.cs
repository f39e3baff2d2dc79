namespace DataverseEmulator.WebApi;

/// <summary>
/// The resource part of a Web API URL: <c>contacts</c>, <c>contacts(guid)</c>, <c>contacts(contactid=guid)</c>,
/// <c>tp_phonekeys(tp_key='a''b')</c>, <c>contacts/$count</c>, <c>EntityDefinitions(LogicalName='x')/Keys</c>.
/// </summary>
internal sealed record ResourcePath(string Segment, string? Key, string? Rest)
{
    public static ResourcePath? Parse(string path)
    {
        path = path.TrimEnd('/');
        var i = 0;
        if (i >= path.Length || !(char.IsAsciiLetter(path[i]) || path[i] is '_' or '$'))
        {
            return null;
        }

        while (i < path.Length && (char.IsAsciiLetterOrDigit(path[i]) || path[i] is '_' or '.' or '$'))
        {
            i++;
        }

        var segment = path[..i];
        string? key = null;
        if (i < path.Length && path[i] == '(')
        {
            var close = ClosingParenthesis(path, i);
            if (close < 0)
            {
                return null;
            }

            key = path[(i + 1)..close];
            i = close + 1;
        }

        if (i < path.Length && path[i] != '/')
        {
            return null;
        }

        return new ResourcePath(segment, key, i < path.Length ? path[i..] : null);
    }

    /// <summary>The record id of the key segment: a bare GUID, braces allowed, or <c>keycolumn=GUID</c>.</summary>
    public Guid? KeyAsId(string keyColumn)
    {
        if (Key is null)
        {
            return null;
        }

        var value = Key;
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            if (!value[..equals].Trim().Equals(keyColumn, StringComparison.Ordinal))
            {
                return null;
            }

            value = value[(equals + 1)..];
        }

        return Guid.TryParse(value.Trim().Trim('\''), out var id) ? id : null;
    }

    /// <summary>
    /// The named values of the key segment (<c>a='x',b=2</c>), quotes removed and doubled quotes undone; null when
    /// the segment is not a list of name=value pairs.
    /// </summary>
    public IReadOnlyList<(string Name, string Value)>? KeyValues()
    {
        if (Key is null)
        {
            return null;
        }

        var pairs = new List<(string, string)>();
        var i = 0;
        while (i < Key.Length)
        {
            var equals = Key.IndexOf('=', i);
            if (equals < 0)
            {
                return null;
            }

            var name = Key[i..equals].Trim();
            i = equals + 1;
            while (i < Key.Length && Key[i] == ' ')
            {
                i++;
            }

            string value;
            if (i < Key.Length && Key[i] == '\'')
            {
                var text = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= Key.Length)
                    {
                        return null;
                    }

                    if (Key[i] == '\'')
                    {
                        if (i + 1 < Key.Length && Key[i + 1] == '\'')
                        {
                            text.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    text.Append(Key[i++]);
                }

                value = text.ToString();
            }
            else
            {
                var comma = Key.IndexOf(',', i);
                var end = comma < 0 ? Key.Length : comma;
                value = Key[i..end].Trim();
                i = end;
            }

            if (name.Length == 0)
            {
                return null;
            }

            pairs.Add((name, value));
            while (i < Key.Length && Key[i] == ' ')
            {
                i++;
            }

            if (i < Key.Length)
            {
                if (Key[i] != ',')
                {
                    return null;
                }

                i++;
            }
        }

        return pairs.Count > 0 ? pairs : null;
    }

    /// <summary>The ')' that closes the '(' at <paramref name="open"/>, skipping quoted text; -1 when there is none.</summary>
    private static int ClosingParenthesis(string path, int open)
    {
        var quoted = false;
        for (var i = open + 1; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '\'')
            {
                // Inside quotes, '' is an escaped quote; either way the state flips twice or once as it should.
                quoted = !quoted;
            }
            else if (c == ')' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }
}
