using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Values;

/// <summary>
/// How a column value is held in memory: a <see cref="string"/>, an <see cref="int"/>, <see cref="long"/>,
/// <see cref="decimal"/> or <see cref="double"/>, a <see cref="bool"/>, or a detached <see cref="JsonNode"/> for
/// objects and arrays; null when the column has no value. Plain values keep a million rows small; JSON is made
/// only when a response is shaped.
/// </summary>
internal static class CellValues
{
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallIntegers = [.. Enumerable.Range(0, 256).Select(i => (object)i)];

    /// <summary>A boxed whole number; small ones (state codes, status codes) share one box each.</summary>
    public static object Box(int value) => value is >= 0 and < 256 ? SmallIntegers[value] : value;

    public static object Box(bool value) => value ? True : False;

    public static object? FromJson(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node?.DeepClone();
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return True;
            case JsonValueKind.False:
                return False;
            case JsonValueKind.Number:
                if (value.TryGetValue<int>(out var i))
                {
                    return Box(i);
                }

                if (value.TryGetValue<long>(out var l))
                {
                    return l;
                }

                return value.TryGetValue<decimal>(out var d) ? d : value.GetValue<double>();
            default:
                return null;
        }
    }

    /// <summary>Reads the value under a <see cref="Utf8JsonReader"/> positioned on a value token.</summary>
    public static object? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.True:
                return True;
            case JsonTokenType.False:
                return False;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt32(out var i))
                {
                    return Box(i);
                }

                if (reader.TryGetInt64(out var l))
                {
                    return l;
                }

                return reader.TryGetDecimal(out var d) ? d : reader.GetDouble();
            default:
                return JsonNode.Parse(ref reader);
        }
    }

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal d => JsonValue.Create(d),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        JsonNode node => node.DeepClone(),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case decimal d:
                writer.WriteNumberValue(d);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>The value as text, the way <see cref="JsonNode.ToString"/> shows it: strings bare, the rest as JSON.</summary>
    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => JsonValue.Create(d).ToJsonString(),
        bool b => b ? "true" : "false",
        JsonNode node => node.ToJsonString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static bool IsNumber(object? value) => value is int or long or decimal or double;
}
