namespace DataverseEmulator.Filtering;

internal sealed class PropertyOperand(string name) : FilterOperand
{
    public string Name { get; } = name;

    public override object? Resolve(IRowValues row) => row.Get(Name);

    public override string ToString() => Name;
}
