namespace DataverseEmulator.Filtering;

/// <summary>The columns of one row as a filter reads them; values follow <see cref="Values.CellValues"/>.</summary>
internal interface IRowValues
{
    /// <summary>The column's value, or null when the row has none.</summary>
    object? Get(string column);
}
