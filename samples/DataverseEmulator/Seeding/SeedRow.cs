namespace DataverseEmulator.Seeding;

/// <summary>One seed record: its key when the seed gives one, and its other cells in the set's layout.</summary>
internal readonly record struct SeedRow(Guid? Id, object?[] Cells);
