namespace DataverseEmulator.Seeding.Generation;

internal sealed record GeneratedSeed(IReadOnlyList<SeedSet> Sets, IReadOnlyList<ExpectedCaller> ExpectedCallers);
