namespace DataverseEmulator.Filtering;

internal enum LogicalOperator
{
    And,
    Or,
}
