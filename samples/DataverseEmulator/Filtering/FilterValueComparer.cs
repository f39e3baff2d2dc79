using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseEmulator.Values;

namespace DataverseEmulator.Filtering;

/// <summary>Compares column values with literals the way Dataverse's SQL does: strings case-insensitively, numbers numerically.</summary>
internal static class FilterValueComparer
{
    public static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return Compare(left, right) == 0;
    }

    /// <summary>Returns null when the values cannot be ordered (a null, or different types).</summary>
    public static int? Compare(object? left, object? right)
    {
        switch (left, right)
        {
            case (string l, string r):
                return string.Compare(l, r, StringComparison.OrdinalIgnoreCase);
            case (bool l, bool r):
                return l.CompareTo(r);
        }

        if (!CellValues.IsNumber(left) || !CellValues.IsNumber(right))
        {
            return null;
        }

        if (left is double || right is double)
        {
            return Convert.ToDouble(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(right, CultureInfo.InvariantCulture));
        }

        return Convert.ToDecimal(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(right, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Reads text as the type of <paramref name="column"/>'s value (number, boolean or text), for values
    /// that arrive as strings whatever the column: FetchXML values and In's PropertyValues (Collection(Edm.String)).
    /// </summary>
    public static object CoerceText(string text, object? column) => column switch
    {
        int or long or decimal or double when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        bool when text is "1" or "true" => CellValues.Box(true),
        bool when text is "0" or "false" => CellValues.Box(false),
        _ => text,
    };

    /// <summary>The text of a string value, or null when it is empty or not text.</summary>
    public static string? AsText(object? value) => value as string;

    /// <summary>The text of a string JSON value, or null when it is empty or not text.</summary>
    public static string? AsText(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
