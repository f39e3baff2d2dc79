using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>
/// Recursive-descent parser for the $filter subset Dataverse clients use.
/// Precedence, loosest first: or, and, not, comparison; parentheses group.
/// </summary>
internal sealed partial class FilterParser
{
    private readonly string _text;
    private readonly IReadOnlyList<FilterToken> _tokens;
    private readonly IReadOnlyDictionary<string, string> _aliases;
    private readonly List<PropertyReference> _properties = [];
    private int _index;

    private FilterParser(string text, IReadOnlyDictionary<string, string> aliases)
    {
        _text = text;
        _aliases = aliases;
        _tokens = FilterTokenizer.Tokenize(text);
    }

    private FilterToken Current => _tokens[_index];

    /// <param name="text">The $filter value, already URL-decoded.</param>
    /// <param name="aliases">Parameter aliases from the query string, keyed with their '@', values still in literal form.</param>
    public static FilterExpression Parse(string text, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var parser = new FilterParser(text, aliases ?? new Dictionary<string, string>());
        if (parser.Current.Kind == FilterTokenKind.End)
        {
            throw FilterParseException.At("Expression expected", 0, text);
        }

        var root = parser.ParseOr();
        if (parser.Current.Kind != FilterTokenKind.End)
        {
            throw parser.Error("')' or operator expected");
        }

        return new FilterExpression(root, parser._properties);
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("or"))
        {
            _index++;
            left = new LogicalNode(LogicalOperator.Or, left, ParseAnd());
        }

        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseUnary();
        while (Current.IsKeyword("and"))
        {
            _index++;
            left = new LogicalNode(LogicalOperator.And, left, ParseUnary());
        }

        return left;
    }

    private FilterNode ParseUnary()
    {
        if (Current.IsKeyword("not"))
        {
            _index++;
            return new NotNode(ParseUnary());
        }

        return ParsePrimary();
    }

    private FilterNode ParsePrimary()
    {
        if (Current.Kind == FilterTokenKind.OpenParen)
        {
            _index++;
            var inner = ParseOr();
            Expect(FilterTokenKind.CloseParen, "')' or operator expected");
            return inner;
        }

        if (Current.Kind == FilterTokenKind.Identifier && Peek(1).Kind == FilterTokenKind.OpenParen)
        {
            return ParseFunction();
        }

        return ParseComparison();
    }

    private ComparisonNode ParseComparison()
    {
        var left = ParseOperand();
        var op = Current.Kind == FilterTokenKind.Identifier ? Current.Text switch
        {
            "eq" => ComparisonOperator.Equal,
            "ne" => ComparisonOperator.NotEqual,
            "gt" => ComparisonOperator.GreaterThan,
            "ge" => ComparisonOperator.GreaterOrEqual,
            "lt" => ComparisonOperator.LessThan,
            "le" => ComparisonOperator.LessOrEqual,
            _ => (ComparisonOperator?)null,
        } : null;
        if (op is null)
        {
            throw Error("Comparison operator (eq, ne, gt, ge, lt, le) expected");
        }

        _index++;
        var right = ParseOperand();
        if (left is LiteralOperand && right is LiteralOperand)
        {
            throw Error("A comparison needs a column on one side");
        }

        return new ComparisonNode(op.Value, left, right);
    }

    private FilterOperand ParseOperand()
    {
        var token = Current;
        switch (token.Kind)
        {
            case FilterTokenKind.Identifier when !IsLiteralKeyword(token.Text):
                if (IsReservedKeyword(token.Text))
                {
                    throw Error("Expression expected");
                }

                _index++;
                _properties.Add(new PropertyReference(token.Text, token.Position));
                return new PropertyOperand(token.Text);
            case FilterTokenKind.Alias:
                _index++;
                return new LiteralOperand(ResolveAliasValue(token) as JsonNode);
            default:
                return new LiteralOperand(ParseLiteral());
        }
    }

    private void Expect(FilterTokenKind kind, string message)
    {
        if (Current.Kind != kind)
        {
            throw Error(message);
        }

        _index++;
    }

    private FilterToken Peek(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private FilterParseException Error(string what) => FilterParseException.At(what, Current.Position, _text);

    private static bool IsLiteralKeyword(string text) => text is "null" or "true" or "false";

    private static bool IsReservedKeyword(string text) =>
        text is "and" or "or" or "not" or "eq" or "ne" or "gt" or "ge" or "lt" or "le";
}
