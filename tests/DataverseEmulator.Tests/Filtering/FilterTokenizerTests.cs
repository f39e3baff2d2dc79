using DataverseEmulator.Filtering;

namespace DataverseEmulator.Tests.Filtering;

public class FilterTokenizerTests
{
    [Fact]
    public void Tokenize_Comparison_ReturnsIdentifierKeywordString()
    {
        var tokens = FilterTokenizer.Tokenize("fullname eq 'Jane'");

        Assert.Equal(
            [FilterTokenKind.Identifier, FilterTokenKind.Identifier, FilterTokenKind.String, FilterTokenKind.End],
            tokens.Select(t => t.Kind));
        Assert.Equal("Jane", tokens[2].Text);
        Assert.Equal(12, tokens[2].Position);
    }

    [Fact]
    public void Tokenize_DoubledQuote_IsOneQuote()
    {
        var tokens = FilterTokenizer.Tokenize("'O''Bryan'");

        Assert.Equal("O'Bryan", tokens[0].Text);
    }

    [Fact]
    public void Tokenize_Guid_IsOneTokenEvenWhenItStartsWithALetter()
    {
        var tokens = FilterTokenizer.Tokenize("contactid eq A1B2C3D4-0000-4000-8000-00000000A001");

        Assert.Equal(FilterTokenKind.Guid, tokens[2].Kind);
        Assert.Equal("a1b2c3d4-0000-4000-8000-00000000a001", tokens[2].Text);
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("3.25", "3.25")]
    [InlineData("1e3", "1e3")]
    public void Tokenize_Number_KeepsItsText(string text, string expected)
    {
        var token = FilterTokenizer.Tokenize(text)[0];

        Assert.Equal(FilterTokenKind.Number, token.Kind);
        Assert.Equal(expected, token.Text);
    }

    [Fact]
    public void Tokenize_Date_IsOneToken()
    {
        var token = FilterTokenizer.Tokenize("2024-05-01T10:00:00Z")[0];

        Assert.Equal(FilterTokenKind.DateTime, token.Kind);
    }

    [Fact]
    public void Tokenize_FunctionWithNamespaceAndAlias_ReadsDottedNameAndAlias()
    {
        var tokens = FilterTokenizer.Tokenize("Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=[\"a\",\"b\"])");

        Assert.Equal("Microsoft.Dynamics.CRM.In", tokens[0].Text);
        Assert.Equal(FilterTokenKind.Alias, tokens[4].Kind);
        Assert.Equal("@p1", tokens[4].Text);
        Assert.Contains(tokens, t => t.Kind == FilterTokenKind.JsonString && t.Text == "b");
    }

    [Fact]
    public void Tokenize_UnterminatedString_FailsAtItsStart()
    {
        var ex = Assert.Throws<FilterParseException>(() => FilterTokenizer.Tokenize("fullname eq 'Jane"));

        Assert.Equal(12, ex.Position);
        Assert.Contains("unterminated string literal at position 12", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenize_InvalidCharacter_NamesCharacterAndPosition()
    {
        var ex = Assert.Throws<FilterParseException>(() => FilterTokenizer.Tokenize("fullname # 'x'"));

        Assert.Equal(9, ex.Position);
        Assert.Contains("'#'", ex.Message, StringComparison.Ordinal);
    }
}
