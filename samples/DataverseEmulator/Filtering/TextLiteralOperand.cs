using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>
/// A value written as text (FetchXML's value="0"), read as the type of the column it is compared with,
/// because FetchXML carries no literal types.
/// </summary>
internal sealed class TextLiteralOperand(string text, string column) : FilterOperand
{
    public string Text { get; } = text;

    public override JsonNode? Resolve(JsonObject record) => record[column] is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.Number when decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        JsonValueKind.True or JsonValueKind.False when Text is "1" or "true" => JsonValue.Create(true),
        JsonValueKind.True or JsonValueKind.False when Text is "0" or "false" => JsonValue.Create(false),
        _ => JsonValue.Create(Text),
    } : JsonValue.Create(Text);

    public override string ToString() => $"'{Text}'";
}
