namespace DataverseEmulator;

/// <summary>An active record that holds an expected caller's number, and how the number is stored there.</summary>
/// <param name="Format">e164, international, international-trunk, national, dots or extension.</param>
public sealed record ExpectedMatch(string Entity, Guid Id, string Name, string Column, string Stored, string Format);
