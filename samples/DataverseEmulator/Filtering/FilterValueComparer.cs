using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>Compares column values with literals the way Dataverse's SQL does: strings case-insensitively, numbers numerically.</summary>
internal static class FilterValueComparer
{
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return Compare(left, right) == 0;
    }

    /// <summary>Returns null when the values cannot be ordered (a null, or different types).</summary>
    public static int? Compare(JsonNode? left, JsonNode? right)
    {
        if (left is not JsonValue l || right is not JsonValue r)
        {
            return null;
        }

        var lk = l.GetValueKind();
        var rk = r.GetValueKind();
        if (lk == JsonValueKind.String && rk == JsonValueKind.String)
        {
            return string.Compare(l.GetValue<string>(), r.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }

        if (lk == JsonValueKind.Number && rk == JsonValueKind.Number)
        {
            return AsNumber(l).CompareTo(AsNumber(r));
        }

        if (lk is JsonValueKind.True or JsonValueKind.False && rk is JsonValueKind.True or JsonValueKind.False)
        {
            return (lk == JsonValueKind.True).CompareTo(rk == JsonValueKind.True);
        }

        return null;
    }

    /// <summary>
    /// Reads text as the type of <paramref name="column"/>'s value (number, boolean or text), for values
    /// that arrive as strings whatever the column: FetchXML values and In's PropertyValues (Collection(Edm.String)).
    /// </summary>
    public static JsonNode? CoerceText(string text, JsonNode? column) => column is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.Number when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        JsonValueKind.True or JsonValueKind.False when text is "1" or "true" => JsonValue.Create(true),
        JsonValueKind.True or JsonValueKind.False when text is "0" or "false" => JsonValue.Create(false),
        _ => JsonValue.Create(text),
    } : JsonValue.Create(text);

    /// <summary>The text of a string column, or null when the column is empty or not text.</summary>
    public static string? AsText(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static decimal AsNumber(JsonValue value) =>
        decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
