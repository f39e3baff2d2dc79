namespace DataverseEmulator.Seeding.Generation;

/// <summary>
/// A kind of number in one country (London lines, mobiles…): how to draw a national significant number (the
/// digits after the country code) and the ways people store it. In a template each '#' takes the next digit of
/// the number and each '$' a random digit (extensions).
/// </summary>
internal sealed record PhoneRange(string Name, Func<SeedRandom, string> Draw, IReadOnlyList<string> Templates)
{
    public static string Apply(string template, string nationalNumber, SeedRandom random)
    {
        var next = 0;
        return string.Create(template.Length, (template, nationalNumber, random), (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.template[i] switch
                {
                    '#' => state.nationalNumber[next++],
                    '$' => state.random.Digit(),
                    var c => c,
                };
            }
        });
    }

    /// <summary>What kind of stored format a template is, for consumers that want to pick which formats to test.</summary>
    public static string FormatName(string template) => template switch
    {
        _ when template.Contains('$', StringComparison.Ordinal) => "extension",
        _ when template.StartsWith('+') && !template.Contains(' ', StringComparison.Ordinal) => "e164",
        _ when template.Contains("(0)", StringComparison.Ordinal) => "international-trunk",
        _ when template.StartsWith('+') => "international",
        _ when template.Contains('.', StringComparison.Ordinal) => "dots",
        _ => "national",
    };
}
