using DataverseEmulator.Filtering;

namespace DataverseEmulator.Tests.Filtering;

public class LikePatternTests
{
    [Theory]
    [InlineData("%0101", "(425) 555-0101", true)]
    [InlineData("%0101", "(425) 555-0102", false)]
    [InlineData("jane%", "Jane Doe", true)]
    [InlineData("JANE DOE", "jane doe", true)]
    [InlineData("Jan_ Doe", "Jane Doe", true)]
    [InlineData("Jan_ Doe", "Jan Doe", false)]
    [InlineData("%", "", true)]
    [InlineData("_", "", false)]
    public void IsMatch_PercentAndUnderscore_FollowSqlLike(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new LikePattern(pattern).IsMatch(text));

    [Theory]
    [InlineData("%4%2%5%5%5%5%0%1%0%1%", "(425) 555-0101", true)]
    [InlineData("%4%2%5%5%5%5%0%1%0%1%", "+1 425 555 0101", true)]
    [InlineData("%4%2%5%5%5%5%0%1%0%1%", "425.555.0101", true)]
    [InlineData("%4%2%5%5%5%5%0%1%0%1%", "(425) 555-0199", false)]
    public void IsMatch_DigitsSeparatedByPercent_MatchAnyFormatting(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new LikePattern(pattern).IsMatch(text));

    [Theory]
    [InlineData("[abc]x", "bx", true)]
    [InlineData("[abc]x", "dx", false)]
    [InlineData("[a-c]x", "Cx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("[^abc]x", "dx", true)]
    [InlineData("[^abc]x", "ax", false)]
    [InlineData("[0-9][0-9]", "42", true)]
    public void IsMatch_Brackets_AreCharacterClasses(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new LikePattern(pattern).IsMatch(text));

    [Theory]
    [InlineData("100[%]", "100%", true)]
    [InlineData("100[%]", "1000", false)]
    [InlineData("a[_]b", "a_b", true)]
    [InlineData("a[_]b", "axb", false)]
    [InlineData("[[]x]", "[x]", true)]
    public void IsMatch_BracketedWildcard_IsLiteral(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new LikePattern(pattern).IsMatch(text));

    [Theory]
    [InlineData("a.b", "a.b", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData("(425)%", "(425) 555", true)]
    [InlineData("+1%", "+1 425", true)]
    [InlineData("a\\b", "a\\b", true)]
    public void IsMatch_RegexCharacters_AreLiteral(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new LikePattern(pattern).IsMatch(text));

    [Fact]
    public void IsMatch_UnclosedBracket_IsLiteral() =>
        Assert.True(new LikePattern("a[b").IsMatch("a[b"));
}
