using System.Globalization;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>
/// Recursive-descent parser for the $filter subset Dataverse clients use.
/// Precedence, loosest first: or, and, not, comparison; parentheses group.
/// </summary>
internal sealed class FilterParser
{
    private const string CrmNamespace = "Microsoft.Dynamics.CRM.";

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

    private JsonNode? ParseLiteral()
    {
        var token = Current;
        JsonNode? value = token.Kind switch
        {
            FilterTokenKind.String or FilterTokenKind.JsonString or FilterTokenKind.Guid or FilterTokenKind.DateTime => JsonValue.Create(token.Text),
            FilterTokenKind.Number => JsonValue.Create(decimal.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            FilterTokenKind.Identifier when token.Text == "true" => JsonValue.Create(true),
            FilterTokenKind.Identifier when token.Text == "false" => JsonValue.Create(false),
            FilterTokenKind.Identifier when token.Text == "null" => null,
            _ => throw Error("Expression expected"),
        };
        _index++;
        return value;
    }

    private FilterNode ParseFunction()
    {
        var name = Current;
        _index += 2;
        var lower = name.Text.ToLowerInvariant();
        switch (lower)
        {
            case "contains":
            case "startswith":
            case "endswith":
                return ParseStringFunction(name, lower);
        }

        if (name.Text.StartsWith(CrmNamespace, StringComparison.OrdinalIgnoreCase))
        {
            var function = name.Text[CrmNamespace.Length..];
            if (function.Equals("In", StringComparison.OrdinalIgnoreCase) || function.Equals("NotIn", StringComparison.OrdinalIgnoreCase))
            {
                return ParseIn(name, negated: function.Length == 5);
            }
        }

        throw FilterParseException.At($"Unknown or unsupported function '{name.Text}'", name.Position, _text);
    }

    private StringFunctionNode ParseStringFunction(FilterToken name, string lower)
    {
        var property = Current;
        if (property.Kind != FilterTokenKind.Identifier || IsLiteralKeyword(property.Text) || IsReservedKeyword(property.Text))
        {
            throw Error($"Column name expected as the first argument of '{name.Text}'");
        }

        _index++;
        _properties.Add(new PropertyReference(property.Text, property.Position));
        Expect(FilterTokenKind.Comma, "',' expected");
        var argumentToken = Current;
        string? argument;
        if (argumentToken.Kind == FilterTokenKind.Alias)
        {
            _index++;
            argument = FilterValueComparer.AsText(ResolveAliasValue(argumentToken) as JsonNode);
        }
        else
        {
            argument = argumentToken.Kind == FilterTokenKind.String ? argumentToken.Text : null;
            _index++;
        }

        if (argument is null)
        {
            throw FilterParseException.At($"String literal expected as the second argument of '{name.Text}'", argumentToken.Position, _text);
        }

        Expect(FilterTokenKind.CloseParen, "')' expected");
        var function = lower switch
        {
            "contains" => StringFunction.Contains,
            "startswith" => StringFunction.StartsWith,
            _ => StringFunction.EndsWith,
        };
        try
        {
            return new StringFunctionNode(function, property.Text, argument);
        }
        catch (ArgumentException)
        {
            throw FilterParseException.At("Invalid wildcard pattern", argumentToken.Position, _text);
        }
    }

    private InNode ParseIn(FilterToken name, bool negated)
    {
        string? propertyName = null;
        int propertyPosition = name.Position;
        IReadOnlyList<JsonNode?>? values = null;
        while (true)
        {
            var parameter = Current;
            if (parameter.Kind != FilterTokenKind.Identifier)
            {
                throw Error("Parameter name expected");
            }

            _index++;
            Expect(FilterTokenKind.Equals, "'=' expected");
            var valueToken = Current;
            object? value;
            if (valueToken.Kind == FilterTokenKind.Alias)
            {
                _index++;
                value = ResolveAliasValue(valueToken);
            }
            else
            {
                value = ParseValue();
            }

            if (parameter.Text.Equals("PropertyName", StringComparison.OrdinalIgnoreCase))
            {
                propertyName = FilterValueComparer.AsText(value as JsonNode)
                    ?? throw FilterParseException.At("PropertyName must be a string", valueToken.Position, _text);
                propertyPosition = valueToken.Position;
            }
            else if (parameter.Text.Equals("PropertyValues", StringComparison.OrdinalIgnoreCase))
            {
                values = value as IReadOnlyList<JsonNode?>
                    ?? throw FilterParseException.At("PropertyValues must be a collection", valueToken.Position, _text);
            }
            else
            {
                throw FilterParseException.At($"Unknown parameter '{parameter.Text}' of '{name.Text}'", parameter.Position, _text);
            }

            if (Current.Kind == FilterTokenKind.Comma)
            {
                _index++;
                continue;
            }

            Expect(FilterTokenKind.CloseParen, "')' or ',' expected");
            break;
        }

        if (propertyName is null || values is null)
        {
            throw FilterParseException.At($"'{name.Text}' needs PropertyName and PropertyValues", name.Position, _text);
        }

        _properties.Add(new PropertyReference(propertyName, propertyPosition));
        return new InNode(propertyName, values, negated);
    }

    /// <summary>A literal or a JSON-style collection, as allowed for function parameters and alias values.</summary>
    private object? ParseValue()
    {
        if (Current.Kind != FilterTokenKind.OpenBracket)
        {
            return ParseLiteral();
        }

        _index++;
        var items = new List<JsonNode?>();
        if (Current.Kind == FilterTokenKind.CloseBracket)
        {
            _index++;
            return items;
        }

        while (true)
        {
            items.Add(ParseLiteral());
            if (Current.Kind == FilterTokenKind.Comma)
            {
                _index++;
                continue;
            }

            Expect(FilterTokenKind.CloseBracket, "']' or ',' expected");
            return items;
        }
    }

    private object? ResolveAliasValue(FilterToken alias)
    {
        // OData treats an alias without a value as null.
        if (!_aliases.TryGetValue(alias.Text, out var raw))
        {
            return null;
        }

        var parser = new FilterParser(raw, _aliases);
        var value = parser.ParseValue();
        if (parser.Current.Kind != FilterTokenKind.End)
        {
            throw parser.Error($"Invalid value of parameter alias '{alias.Text}'");
        }

        return value;
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
