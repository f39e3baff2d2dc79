using System.Globalization;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>Values: literals, collections and parameter alias values.</summary>
internal sealed partial class FilterParser
{
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
}
