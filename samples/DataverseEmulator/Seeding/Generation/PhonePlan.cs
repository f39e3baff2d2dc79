namespace DataverseEmulator.Seeding.Generation;

/// <summary>A country's numbers: its calling code and the kinds of numbers drawn in it, with how often each is drawn.</summary>
internal sealed class PhonePlan
{
    private readonly (PhoneRange Range, double Weight)[] _mobile;
    private readonly (PhoneRange Range, double Weight)[] _fixed;

    public PhonePlan(string region, string countryCode, IReadOnlyList<(PhoneRange Range, double Weight)> ranges)
    {
        Region = region;
        CountryCode = countryCode;
        Ranges = ranges;
        CountryDigits = ulong.Parse(countryCode, System.Globalization.CultureInfo.InvariantCulture);
        _mobile = [.. ranges.Where(r => r.Range.Name.EndsWith("mobile", StringComparison.Ordinal))];
        _fixed = [.. ranges.Where(r => !r.Range.Name.EndsWith("mobile", StringComparison.Ordinal))];
    }

    public string Region { get; }

    public string CountryCode { get; }

    public ulong CountryDigits { get; }

    public IReadOnlyList<(PhoneRange Range, double Weight)> Ranges { get; }

    /// <summary>A range of the kind asked for (mobile or not), weighted; any range when the country has none of that kind.</summary>
    public PhoneRange Pick(SeedRandom random, bool mobile)
    {
        var candidates = mobile ? _mobile : _fixed;
        if (candidates.Length == 0)
        {
            candidates = [.. Ranges];
        }

        var total = 0.0;
        foreach (var (_, weight) in candidates)
        {
            total += weight;
        }

        var roll = random.Next(1_000_000) / 1_000_000.0 * total;
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
