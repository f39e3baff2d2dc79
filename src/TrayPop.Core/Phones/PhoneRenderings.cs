using PhoneNumbers;

namespace TrayPop.Core.Phones;

/// <summary>
/// The ways people usually type a number: E.164, the international and national formats, and their groups
/// joined by spaces, dashes, dots or nothing (<c>+1 425 555 0101</c>, <c>425.555.0101</c>, <c>020 7946 0958</c>,
/// <c>+44 (0)20 7946 0958</c>). Exact matches on these find a record even where a pattern search is cut off.
/// </summary>
internal static class PhoneRenderings
{
    private static readonly string[] Separators = [" ", "-", ".", ""];

    /// <param name="agentRegion">The agent's region: its own international prefix (011 in North America, 0011 in
    /// Australia) is a way its records are typed too.</param>
    public static IReadOnlyList<string> Of(CallerId callerId, string? agentRegion = null)
    {
        if (callerId.Kind != CallerIdKind.Number || callerId.E164 is null)
        {
            return [];
        }

        PhoneNumber number;
        try
        {
            number = PhoneNumberReader.Util.Parse(callerId.E164, null);
        }
        catch (NumberParseException)
        {
            return [callerId.E164];
        }

        var international = PhoneNumberReader.Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
        var national = PhoneNumberReader.Util.Format(number, PhoneNumberFormat.NATIONAL);
        var countryCode = "+" + number.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var renderings = new HashSet<string>(StringComparer.Ordinal) { callerId.E164, international, national };

        var internationalGroups = Groups(international[countryCode.Length..]);
        var nationalGroups = Groups(national);
        foreach (var separator in Separators)
        {
            renderings.Add(countryCode + " " + string.Join(separator, internationalGroups));
            renderings.Add(countryCode + separator + string.Join(separator, internationalGroups));
            renderings.Add(string.Join(separator, nationalGroups));
        }

        // Dialled from abroad: 00 (most of the world) or the agent region's own prefix, and (+44) 20 7946 0958.
        var prefixes = new List<string> { "00" };
        if (agentRegion is not null && OwnInternationalPrefix(agentRegion) is { } own && own != "00")
        {
            prefixes.Add(own);
        }

        var digits = countryCode[1..];
        foreach (var prefix in prefixes)
        {
            renderings.Add($"{prefix} {digits} {string.Join(' ', internationalGroups)}");
            renderings.Add($"{prefix}{digits}{string.Concat(internationalGroups)}");
        }

        renderings.Add($"({countryCode}) {string.Join(' ', internationalGroups)}");

        var trunk = PhoneNumberReader.Util.GetMetadataForRegion(PhoneNumberReader.Util.GetRegionCodeForNumber(number))?.NationalPrefix;
        if (trunk == "1")
        {
            // North America: 1-425-555-0101, 1 425 555 0101.
            renderings.Add("1-" + string.Join('-', internationalGroups));
            renderings.Add("1 " + string.Join(' ', internationalGroups));
        }
        else if (trunk == "0" && nationalGroups.Count > 0 && nationalGroups[0].StartsWith('0'))
        {
            // The British habit: +44 (0)20 7946 0958.
            renderings.Add($"{countryCode} (0){nationalGroups[0][1..]} {string.Join(' ', nationalGroups.Skip(1))}");
        }

        return [.. renderings];
    }

    /// <summary>The digits a region dials to go abroad (its metadata gives a pattern where there are several: then the preferred one).</summary>
    private static string? OwnInternationalPrefix(string region)
    {
        var metadata = PhoneNumberReader.Util.GetMetadataForRegion(region);
        return metadata?.InternationalPrefix is { Length: > 0 } prefix && prefix.All(char.IsAsciiDigit) ? prefix
            : metadata?.PreferredInternationalPrefix is { Length: > 0 } preferred && preferred.All(char.IsAsciiDigit) ? preferred
            : null;
    }

    private static List<string> Groups(string formatted) =>
        [.. formatted.Split([' ', '-', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries)];
}
