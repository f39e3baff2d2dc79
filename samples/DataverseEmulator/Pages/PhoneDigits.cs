namespace DataverseEmulator.Pages;

/// <summary>Compares phone numbers by their digits, so "(425) 555-0101" is found by "+14255550101".</summary>
internal static class PhoneDigits
{
    public static string Of(string text)
    {
        // "+44 (0)20…": the bracketed trunk zero is not dialled after the country code.
        var cleaned = text.Replace("(0)", string.Empty, StringComparison.Ordinal);
        return new string([.. cleaned.Where(char.IsAsciiDigit)]);
    }

    public static bool Matches(string stored, string searched)
    {
        var storedDigits = Of(stored);
        var searchedDigits = Of(searched);
        if (storedDigits.Length == 0 || searchedDigits.Length < 4)
        {
            return false;
        }

        // A national number typed with its trunk zero ("020 7946…") still matches one stored with a country code.
        foreach (var candidate in new[] { searchedDigits, searchedDigits.TrimStart('0') })
        {
            if (candidate.Length >= 4 && storedDigits.Contains(candidate, StringComparison.Ordinal))
            {
                return true;
            }

            if (storedDigits.Length >= 7 && candidate.EndsWith(storedDigits.TrimStart('0'), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
