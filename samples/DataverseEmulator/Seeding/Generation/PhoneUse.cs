namespace DataverseEmulator.Seeding.Generation;

/// <summary>Where a generated number is stored: which set, row and column, and whether that record is active.</summary>
internal readonly record struct PhoneUse(ulong Digits, int Set, int Row, string Column, bool Active, GeneratedPhone Phone);
