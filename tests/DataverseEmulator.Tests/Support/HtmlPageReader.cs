using System.Net;
using System.Text.RegularExpressions;

namespace DataverseEmulator.Tests.Support;

/// <summary>Reads the emulator's pages by element id, as headless Chromium tests later do with the DOM.</summary>
internal static partial class HtmlPageReader
{
    public static string? TextOf(string html, string id)
    {
        var match = Regex.Match(html, $"<(\\w+)[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(TagPattern().Replace(match.Groups[2].Value, string.Empty)) : null;
    }

    public static string Title(string html) => WebUtility.HtmlDecode(TitlePattern().Match(html).Groups[1].Value);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<title>(.*?)</title>")]
    private static partial Regex TitlePattern();
}
