namespace DataverseEmulator.Seeding.Generation;

/// <summary>A drawn number: its country, national significant number, the text stored and the template that made it.</summary>
internal readonly record struct GeneratedPhone(PhonePlan Plan, string NationalNumber, string Stored, string Template)
{
    /// <summary>The number in E.164 with its '+'.</summary>
    public string E164 => "+" + Plan.CountryCode + NationalNumber;

    /// <summary>The E.164 digits as a number, for counting who holds what.</summary>
    public ulong Digits
    {
        get
        {
            var digits = Plan.CountryDigits;
            foreach (var c in NationalNumber)
            {
                digits = (digits * 10) + (ulong)(c - '0');
            }

            return digits;
        }
    }

    public static GeneratedPhone Draw(PhonePlan plan, PhoneRange range, SeedRandom random) =>
        Format(plan, range, range.Draw(random), random);

    public static GeneratedPhone Format(PhonePlan plan, PhoneRange range, string nationalNumber, SeedRandom random)
    {
        var template = random.Pick(range.Templates);
        return new GeneratedPhone(plan, nationalNumber, PhoneRange.Apply(template, nationalNumber, random), template);
    }
}
