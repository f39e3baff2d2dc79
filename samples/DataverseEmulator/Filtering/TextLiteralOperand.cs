namespace DataverseEmulator.Filtering;

/// <summary>
/// A value written as text (FetchXML's value="0"), read as the type of the column it is compared with,
/// because FetchXML carries no literal types.
/// </summary>
internal sealed class TextLiteralOperand(string text, string column) : FilterOperand
{
    public string Text { get; } = text;

    public override object? Resolve(IRowValues row) => FilterValueComparer.CoerceText(Text, row.Get(column));

    public override string ToString() => $"'{Text}'";
}
