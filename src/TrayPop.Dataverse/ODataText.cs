using System.Text;

namespace TrayPop.Dataverse;

/// <summary>
/// Puts text into OData filters so that it can only ever be searched for, never read as syntax:
/// quotes are doubled for the string literal and LIKE wildcards are bracketed for contains().
/// </summary>
internal static class ODataText
{
    /// <summary>A string literal, quoted: <c>O'Bryan</c> → <c>'O''Bryan'</c>.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Text to find literally inside contains(): <c>50%</c> → <c>50[%]</c>.</summary>
    public static string LikeLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '%' or '_' or '[' => builder.Append('[').Append(c).Append(']'),
                _ when char.IsControl(c) => builder,
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
