namespace DataverseEmulator.Filtering;

internal readonly record struct PropertyReference(string Name, int Position);
