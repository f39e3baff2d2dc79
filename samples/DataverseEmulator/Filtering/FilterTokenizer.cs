using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DataverseEmulator.Filtering;

/// <summary>Splits OData $filter text into tokens. Keywords (eq, and, null…) stay identifiers; the parser decides.</summary>
internal static partial class FilterTokenizer
{
    public static IReadOnlyList<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new FilterToken(FilterTokenKind.End, string.Empty, text.Length));
                return tokens;
            }

            var c = text[i];
            var start = i;
            switch (c)
            {
                case '(':
                    tokens.Add(new FilterToken(FilterTokenKind.OpenParen, "(", i++));
                    continue;
                case ')':
                    tokens.Add(new FilterToken(FilterTokenKind.CloseParen, ")", i++));
                    continue;
                case '[':
                    tokens.Add(new FilterToken(FilterTokenKind.OpenBracket, "[", i++));
                    continue;
                case ']':
                    tokens.Add(new FilterToken(FilterTokenKind.CloseBracket, "]", i++));
                    continue;
                case ',':
                    tokens.Add(new FilterToken(FilterTokenKind.Comma, ",", i++));
                    continue;
                case '=':
                    tokens.Add(new FilterToken(FilterTokenKind.Equals, "=", i++));
                    continue;
                case '\'':
                    tokens.Add(new FilterToken(FilterTokenKind.String, ReadQuoted(text, ref i), start));
                    continue;
                case '"':
                    tokens.Add(new FilterToken(FilterTokenKind.JsonString, ReadJsonString(text, ref i), start));
                    continue;
                case '@':
                    i++;
                    var alias = ReadIdentifier(text, ref i);
                    if (alias.Length == 0)
                    {
                        throw FilterParseException.At("Syntax error: parameter alias name expected", start, text);
                    }

                    tokens.Add(new FilterToken(FilterTokenKind.Alias, "@" + alias, start));
                    continue;
            }

            // A GUID or a date may start with a letter or digit, so try those shapes before identifiers and numbers.
            var guid = GuidPattern().Match(text, i);
            if (guid.Success && guid.Index == i && !IsIdentifierChar(text, i + guid.Length))
            {
                tokens.Add(new FilterToken(FilterTokenKind.Guid, guid.Value.ToLowerInvariant(), start));
                i += guid.Length;
                continue;
            }

            var date = DatePattern().Match(text, i);
            if (date.Success && date.Index == i)
            {
                tokens.Add(new FilterToken(FilterTokenKind.DateTime, date.Value, start));
                i += date.Length;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var number = NumberPattern().Match(text, i);
                tokens.Add(new FilterToken(FilterTokenKind.Number, number.Value, start));
                i += number.Length;
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                tokens.Add(new FilterToken(FilterTokenKind.Identifier, ReadIdentifier(text, ref i), start));
                continue;
            }

            throw FilterParseException.At(
                string.Create(CultureInfo.InvariantCulture, $"Syntax error: character '{c}' is not valid"), i, text);
        }
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                // OData escapes a quote inside a literal by doubling it: 'O''Bryan'.
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return value.ToString();
            }

            value.Append(text[i++]);
        }

        throw FilterParseException.At("There is an unterminated string literal", start, text);
    }

    private static string ReadJsonString(string text, ref int i)
    {
        // Only used inside inline JSON arrays such as PropertyValues=["a","b"].
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\' && i < text.Length)
            {
                var escaped = text[i++];
                value.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => escaped,
                });
                continue;
            }

            value.Append(c);
        }

        throw FilterParseException.At("There is an unterminated string literal", start, text);
    }

    private static string ReadIdentifier(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
        {
            i++;
        }

        return text[start..i];
    }

    private static bool IsIdentifierChar(string text, int i) =>
        i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_');

    [GeneratedRegex(@"\G[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\G-?\d+(\.\d+)?([eE][+-]?\d+)?")]
    private static partial Regex NumberPattern();
}
