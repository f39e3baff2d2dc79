using System.Text;

namespace TrayPop.Hosting.Launching;

/// <summary>
/// Splits a configured program line into the program and its arguments (double quotes group, as on both
/// Windows and POSIX shells), then puts the URL in place of <c>{url}</c>. No shell ever sees the URL.
/// </summary>
internal static class CommandLine
{
    public static IReadOnlyList<string> Split(string line)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    /// <summary>The program and its arguments with <c>{url}</c> filled in; the URL is appended when the line has no placeholder.</summary>
    public static (string Program, IReadOnlyList<string> Arguments) WithUrl(string line, Uri url)
    {
        var parts = Split(line);
        if (parts.Count == 0)
        {
            throw new ArgumentException("The browser command is empty.", nameof(line));
        }

        var arguments = parts.Skip(1).Select(p => p.Replace("{url}", url.AbsoluteUri, StringComparison.Ordinal)).ToList();
        if (!parts.Skip(1).Any(p => p.Contains("{url}", StringComparison.Ordinal)))
        {
            arguments.Add(url.AbsoluteUri);
        }

        return (parts[0], arguments);
    }
}
