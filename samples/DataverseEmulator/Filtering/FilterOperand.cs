namespace DataverseEmulator.Filtering;

/// <summary>One side of a comparison: a column of the row or a literal.</summary>
internal abstract class FilterOperand
{
    public abstract object? Resolve(IRowValues row);
}
