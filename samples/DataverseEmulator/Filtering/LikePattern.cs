using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace DataverseEmulator.Filtering;

/// <summary>
/// A T-SQL LIKE pattern: <c>%</c> any run, <c>_</c> one character, <c>[abc]</c>, <c>[a-c]</c>, <c>[^abc]</c>;
/// a bracketed wildcard (<c>[%]</c>) is literal. Dataverse passes contains/startswith/endswith
/// arguments to SQL unescaped, so these rules are what a caller actually gets.
/// </summary>
internal sealed class LikePattern
{
    private const int MaxCachedRegexes = 1000;

    // Building a non-backtracking regex costs far more than one lookup; queries repeat their patterns.
    private static readonly ConcurrentDictionary<string, Regex> Regexes = new(StringComparer.Ordinal);

    private readonly string[]? _segments;
    private readonly Regex? _regex;

    public LikePattern(string pattern)
    {
        Pattern = pattern;

        // Most patterns have only '%' ('x%', '%x%', '4%2%5…'): literal runs matched in order, no regex needed.
        if (pattern.AsSpan().IndexOfAny('_', '[') < 0)
        {
            _segments = pattern.Split('%');
            return;
        }

        if (Regexes.Count > MaxCachedRegexes)
        {
            Regexes.Clear();
        }

        // Non-backtracking keeps patterns such as '4%2%5%5%5%5%0%1%0%1' linear in the text length.
        _regex = Regexes.GetOrAdd(pattern, static p => new Regex(
            ToRegex(p),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking));
    }

    public string Pattern { get; }

    public bool IsMatch(string text) => _segments is null ? _regex!.IsMatch(text) : MatchSegments(_segments, text);

    public override string ToString() => Pattern;

    /// <summary>'%'-separated literal runs: the first starts the text, the last ends it, the others follow in order between.</summary>
    private static bool MatchSegments(string[] segments, ReadOnlySpan<char> text)
    {
        if (segments.Length == 1)
        {
            return text.Equals(segments[0], StringComparison.OrdinalIgnoreCase);
        }

        var first = segments[0];
        var last = segments[^1];
        if (text.Length < first.Length + last.Length ||
            !text.StartsWith(first, StringComparison.OrdinalIgnoreCase) ||
            !text.EndsWith(last, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var window = text[first.Length..^last.Length];
        for (var i = 1; i < segments.Length - 1; i++)
        {
            var at = window.IndexOf(segments[i], StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            window = window[(at + segments[i].Length)..];
        }

        return true;
    }

    internal static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%':
                    regex.Append(".*");
                    break;
                case '_':
                    regex.Append('.');
                    break;
                case '[':
                    var close = FindClosingBracket(pattern, i);
                    if (close < 0)
                    {
                        // An unclosed bracket has no special meaning left to give; match it literally.
                        regex.Append(Regex.Escape("["));
                        break;
                    }

                    AppendClass(regex, pattern.AsSpan(i + 1, close - i - 1));
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    private static int FindClosingBracket(string pattern, int open)
    {
        // The first character of a class (after an optional ^) may itself be ']' in T-SQL: "[]]".
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        return pattern.IndexOf(']', i);
    }

    private static void AppendClass(StringBuilder regex, ReadOnlySpan<char> body)
    {
        var negated = body.Length > 0 && body[0] == '^';
        if (negated)
        {
            body = body[1..];
        }

        if (body.IsEmpty)
        {
            // "[]" matches nothing and "[^]" anything, as in SQL Server.
            regex.Append(negated ? "." : "[^\\s\\S]");
            return;
        }

        regex.Append(negated ? "[^" : "[");
        for (var i = 0; i < body.Length; i++)
        {
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                regex.Append(EscapeInClass(body[i])).Append('-').Append(EscapeInClass(body[i + 2]));
                i += 2;
                continue;
            }

            regex.Append(EscapeInClass(body[i]));
        }

        regex.Append(']');
    }

    private static string EscapeInClass(char c) => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString();
}
