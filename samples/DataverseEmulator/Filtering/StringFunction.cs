namespace DataverseEmulator.Filtering;

internal enum StringFunction
{
    Contains,
    StartsWith,
    EndsWith,
}
