namespace TrayPop.Intake.Http;

/// <summary>
/// A request's header fields in arrival order. A request carries a handful, so a list searched by name beats a
/// dictionary. Names compare case-insensitively; a repeated field reads as its values joined with commas, as ASP.NET Core did.
/// </summary>
internal sealed class HttpHeaders
{
    private readonly List<KeyValuePair<string, string>> _fields = new(12);

    public int Count => _fields.Count;

    public void Add(string name, string value) => _fields.Add(new(name, value));

    public bool Contains(string name) => IndexOf(name, 0) >= 0;

    public int CountOf(string name)
    {
        var count = 0;
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            count++;
        }

        return count;
    }

    /// <summary>The field's value, repeated fields joined with commas; null when absent.</summary>
    public string? this[string name]
    {
        get
        {
            var first = IndexOf(name, 0);
            if (first < 0)
            {
                return null;
            }

            var next = IndexOf(name, first + 1);
            if (next < 0)
            {
                return _fields[first].Value;
            }

            var joined = new List<string>(2);
            for (var i = first; i >= 0; i = IndexOf(name, i + 1))
            {
                joined.Add(_fields[i].Value);
            }

            return string.Join(',', joined);
        }
    }

    /// <summary>Whether the comma-separated field holds <paramref name="token"/> (e.g. <c>Connection: keep-alive, Upgrade</c>).</summary>
    public bool HasToken(string name, string token)
    {
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            foreach (var range in _fields[i].Value.AsSpan().Split(','))
            {
                if (_fields[i].Value.AsSpan()[range].Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private int IndexOf(string name, int start)
    {
        for (var i = start; i < _fields.Count; i++)
        {
            if (_fields[i].Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
