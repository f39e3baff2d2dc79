using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Tests.Diagnostics;

public class OutsideTextTests
{
    [Theory]
    [InlineData("Jane\r\n2025-01-01 [ERR] Forged line", "Jane\\u000d\\u000a2025-01-01 [ERR] Forged line")]
    [InlineData("\u001b[2J\u001b]0;pwned\u0007Jane", "\\u001b[2J\\u001b]0;pwned\\u0007Jane")]
    [InlineData("Jane \u202Eenoj\u202C", "Jane \\u202eenoj\\u202c")]
    [InlineData("\u2066a\u2069\u200E\u200F\u061C\u2028", "\\u2066a\\u2069\\u200e\\u200f\\u061c\\u2028")]
    [InlineData("tab\there\u0085\u009b", "tab\\u0009here\\u0085\\u009b")]
    public void Escape_ShowsControlAnsiAndBidiCharactersAsVisibleEscapes(string text, string expected)
    {
        Assert.Equal(expected, OutsideText.Escape(text));
    }

    [Theory]
    [InlineData("Jane O'Bryan")]
    [InlineData("Zoë Ångström — 東京 😀")]
    [InlineData("")]
    public void Escape_LeavesOrdinaryTextAlone(string text)
    {
        Assert.Same(text, OutsideText.Escape(text));
    }

    [Fact]
    public void Escape_CutsLongTextAndSaysHowMuchWasLeft()
    {
        var escaped = OutsideText.Escape(new string('a', 1000), 10);

        Assert.Equal("aaaaaaaaaa…(+990 chars)", escaped);
    }

    [Fact]
    public void Escape_NeverCutsAnEscapeOrAPairInHalf()
    {
        Assert.Equal("ab…(+1 chars)", OutsideText.Escape("ab\n", 6));
        Assert.Equal("a…(+2 chars)", OutsideText.Escape("a😀", 2));
    }

    [Fact]
    public void Escape_ShowsALoneSurrogateAsAnEscape()
    {
        // Built here: an attribute argument would not carry a lone surrogate intact.
        Assert.Equal("lone \\ud800 surrogate", OutsideText.Escape("lone " + (char)0xD800 + " surrogate"));
    }

    [Fact]
    public void Escape_OfNull_IsEmpty()
    {
        Assert.Equal("", OutsideText.Escape(null));
    }
}
