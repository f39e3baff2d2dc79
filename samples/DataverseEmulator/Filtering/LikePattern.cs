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
    private readonly Regex _regex;

    public LikePattern(string pattern)
    {
        Pattern = pattern;

        // Non-backtracking keeps patterns such as '4%2%5%5%5%5%0%1%0%1' linear in the text length.
        _regex = new Regex(
            ToRegex(pattern),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
    }

    public string Pattern { get; }

    public bool IsMatch(string text) => _regex.IsMatch(text);

    public override string ToString() => Pattern;

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
