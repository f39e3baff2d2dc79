namespace DataverseEmulator.Seeding.Generation;

/// <summary>A country's numbers: its calling code and the kinds of numbers drawn in it, with how often each is drawn.</summary>
internal sealed record PhonePlan(string Region, string CountryCode, IReadOnlyList<(PhoneRange Range, double Weight)> Ranges)
{
    public PhoneRange Pick(SeedRandom random, bool mobile)
    {
        var candidates = Ranges.Where(r => r.Range.Name.EndsWith("mobile", StringComparison.Ordinal) == mobile).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. Ranges];
        }

        var roll = random.Next(1_000_000) / 1_000_000.0 * candidates.Sum(c => c.Weight);
        foreach (var (range, weight) in candidates)
        {
            roll -= weight;
            if (roll < 0)
            {
                return range;
            }
        }

        return candidates[^1].Range;
    }
}
