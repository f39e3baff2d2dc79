using DataverseEmulator.Filtering;

namespace DataverseEmulator.Tests.Filtering;

public class FilterParserTests
{
    [Fact]
    public void Parse_AndBindsTighterThanOr()
    {
        var tree = FilterParser.Parse("a eq 1 or b eq 2 and c eq 3").Root;

        var or = Assert.IsType<LogicalNode>(tree);
        Assert.Equal(LogicalOperator.Or, or.Operator);
        var and = Assert.IsType<LogicalNode>(or.Right);
        Assert.Equal(LogicalOperator.And, and.Operator);
    }

    [Fact]
    public void Parse_Parentheses_OverridePrecedence()
    {
        var tree = FilterParser.Parse("(a eq 1 or b eq 2) and c eq 3").Root;

        var and = Assert.IsType<LogicalNode>(tree);
        Assert.Equal(LogicalOperator.And, and.Operator);
        Assert.Equal(LogicalOperator.Or, Assert.IsType<LogicalNode>(and.Left).Operator);
    }

    [Fact]
    public void Parse_Not_AppliesToTheFollowingTermOnly()
    {
        var tree = FilterParser.Parse("not a eq 1 and b eq 2").Root;

        var and = Assert.IsType<LogicalNode>(tree);
        Assert.IsType<NotNode>(and.Left);
        Assert.IsType<ComparisonNode>(and.Right);
    }

    [Fact]
    public void Parse_LeftAssociative_ChainsOfOr()
    {
        var tree = FilterParser.Parse("a eq 1 or b eq 2 or c eq 3").Root;

        Assert.Equal("(((a Equal 1) or (b Equal 2)) or (c Equal 3))", tree.ToString());
    }

    [Theory]
    [InlineData("a eq 1", "Equal")]
    [InlineData("a ne 1", "NotEqual")]
    [InlineData("a gt 1", "GreaterThan")]
    [InlineData("a ge 1", "GreaterOrEqual")]
    [InlineData("a lt 1", "LessThan")]
    [InlineData("a le 1", "LessOrEqual")]
    public void Parse_ComparisonOperators(string filter, string expected) =>
        Assert.Equal(Enum.Parse<ComparisonOperator>(expected), Assert.IsType<ComparisonNode>(FilterParser.Parse(filter).Root).Operator);

    [Fact]
    public void Parse_LiteralOnTheLeft_IsAllowed()
    {
        var node = Assert.IsType<ComparisonNode>(FilterParser.Parse("'Jane' eq fullname").Root);

        Assert.IsType<LiteralOperand>(node.Left);
        Assert.Equal("fullname", Assert.IsType<PropertyOperand>(node.Right).Name);
    }

    [Fact]
    public void Parse_Null_IsANullLiteral()
    {
        var node = Assert.IsType<ComparisonNode>(FilterParser.Parse("telephone1 ne null").Root);

        Assert.Null(Assert.IsType<LiteralOperand>(node.Right).Value);
    }

    [Fact]
    public void Parse_StringFunctions_TakeColumnAndPattern()
    {
        var node = Assert.IsType<StringFunctionNode>(FilterParser.Parse("startswith(fullname,'O''B')").Root);

        Assert.Equal(StringFunction.StartsWith, node.Function);
        Assert.Equal("fullname", node.Property);
        Assert.Equal("O'B", node.Argument);
    }

    [Fact]
    public void Parse_In_WithAliases_ResolvesNameAndValues()
    {
        var aliases = new Dictionary<string, string> { ["@p1"] = "'telephone1'", ["@p2"] = "[\"a\",\"b\"]" };

        var expression = FilterParser.Parse("Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)", aliases);

        var node = Assert.IsType<InNode>(expression.Root);
        Assert.Equal("telephone1", node.Property);
        Assert.Equal(["a", "b"], node.Values.Select(v => v!.ToString()));
        Assert.Contains(expression.Properties, p => p.Name == "telephone1");
    }

    [Fact]
    public void Parse_In_WithInlineValues()
    {
        var node = Assert.IsType<InNode>(FilterParser.Parse("Microsoft.Dynamics.CRM.In(PropertyName='statecode',PropertyValues=[\"0\",\"1\"])").Root);

        Assert.Equal("statecode", node.Property);
        Assert.Equal(2, node.Values.Count);
        Assert.False(node.Negated);
    }

    [Fact]
    public void Parse_NotIn_IsNegated() =>
        Assert.True(Assert.IsType<InNode>(FilterParser.Parse("Microsoft.Dynamics.CRM.NotIn(PropertyName='a',PropertyValues=['x'])").Root).Negated);

    [Fact]
    public void Parse_AliasInComparison_IsItsValue()
    {
        var node = Assert.IsType<ComparisonNode>(FilterParser.Parse("fullname eq @name", new Dictionary<string, string> { ["@name"] = "'Jane Doe'" }).Root);

        Assert.Equal("Jane Doe", Assert.IsType<LiteralOperand>(node.Right).Value!.ToString());
    }

    [Fact]
    public void Parse_AliasWithoutValue_IsNull() =>
        Assert.Null(Assert.IsType<LiteralOperand>(Assert.IsType<ComparisonNode>(FilterParser.Parse("a eq @missing").Root).Right).Value);

    [Fact]
    public void Parse_CollectsReferencedColumns()
    {
        var expression = FilterParser.Parse("statecode eq 0 and (contains(telephone1,'55') or mobilephone eq 'x')");

        Assert.Equal(["statecode", "telephone1", "mobilephone"], expression.Properties.Select(p => p.Name));
    }

    [Theory]
    [InlineData("fullname eq", 11, "Expression expected")]
    [InlineData("fullname 'Jane'", 9, "Comparison operator")]
    [InlineData("(fullname eq 'Jane'", 19, "')' or operator expected")]
    [InlineData("fullname eq 'Jane')", 18, "')' or operator expected")]
    [InlineData("fullname eq 'Jane' and", 22, "Expression expected")]
    [InlineData("contains(fullname)", 17, "',' expected")]
    [InlineData("contains(fullname,42)", 18, "String literal expected")]
    [InlineData("contains('x','y')", 9, "Column name expected")]
    [InlineData("substringof('x',fullname)", 0, "Unknown or unsupported function 'substringof'")]
    [InlineData("Microsoft.Dynamics.CRM.Between(PropertyName='a',PropertyValues=[1,2])", 0, "Unknown or unsupported function")]
    [InlineData("", 0, "Expression expected")]
    [InlineData("1 eq 1", 6, "A comparison needs a column")]
    [InlineData("Microsoft.Dynamics.CRM.In(PropertyName='a')", 0, "needs PropertyName and PropertyValues")]
    public void Parse_BadFilter_ReportsPosition(string filter, int position, string message)
    {
        var ex = Assert.Throws<FilterParseException>(() => FilterParser.Parse(filter));

        Assert.Equal(position, ex.Position);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"at position {position} in '{filter}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadAliasValue_Fails() =>
        Assert.Throws<FilterParseException>(() => FilterParser.Parse("a eq @p", new Dictionary<string, string> { ["@p"] = "'x' 'y'" }));
}
