using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>Function calls: contains/startswith/endswith and Microsoft.Dynamics.CRM.In/NotIn.</summary>
internal sealed partial class FilterParser
{
    private const string CrmNamespace = "Microsoft.Dynamics.CRM.";

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
}
