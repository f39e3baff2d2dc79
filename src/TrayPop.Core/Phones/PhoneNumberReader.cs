using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace TrayPop.Core.Phones;

/// <summary>
/// Finds the one full number a <see cref="DialString"/> stands for, trying the readings in the order a
/// person in <see cref="Region"/> would. A reading libphonenumber holds valid wins; when there is none, a reading
/// that is only possible (a plausible length for its country) is taken, because new ranges are allocated before
/// the metadata knows them, but then only from an explicit international form (<c>+</c>, <c>00</c>, the region's
/// own prefix) or the region's national plan, never from digits that merely start with a country code.
/// </summary>
internal sealed class PhoneNumberReader
{
    public static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private const int MinNationalDigits = 2;
    private const int MaxNationalDigits = 17;

    // Country calling codes are prefix-free and at most three digits, so a table answers in one look.
    private static readonly bool[] CallingCodes = BuildCallingCodes();

    private static readonly ConcurrentDictionary<int, Regex?> PlanPatterns = new();

    // The region's international prefix when it is plain digits (00, 011, 010, 810); regions whose prefix
    // is a pattern (AU, BR, …) leave this null and rely on libphonenumber.
    private readonly string? _plainIdd;

    public PhoneNumberReader(string region)
    {
        Region = region;
        var idd = Util.GetMetadataForRegion(region)?.InternationalPrefix;
        _plainIdd = !string.IsNullOrEmpty(idd) && idd.All(char.IsAsciiDigit) ? idd : null;
    }

    public string Region { get; }

    /// <summary>The valid number the dial string stands for, or null.</summary>
    /// <param name="dial">The digits as scanned.</param>
    /// <param name="outsideLinePrefix">PBX digits that may precede external numbers; empty for stored numbers.</param>
    public PhoneNumber? Read(DialString dial, string outsideLinePrefix) =>
        Read(dial, outsideLinePrefix, Reading.Valid) ?? Read(dial, outsideLinePrefix, Reading.Possible);

    private PhoneNumber? Read(DialString dial, string outsideLinePrefix, Reading reading)
    {
        var digits = dial.Digits;
        if (dial.HasPlus)
        {
            return International(digits, reading);
        }

        if (reading == Reading.Possible)
        {
            // No valid reading at all: an international prefix means what it says before any national guess.
            return InternationalPrefixed(digits, reading) ?? National(digits, reading);
        }

        // As written first: a real leading digit that equals the outside-line prefix must survive.
        var asWritten = National(digits, reading);
        if (asWritten is not null)
        {
            return asWritten;
        }

        if (outsideLinePrefix.Length > 0
            && digits.Length > outsideLinePrefix.Length
            && digits.StartsWith(outsideLinePrefix, StringComparison.Ordinal))
        {
            var rest = digits[outsideLinePrefix.Length..];
            var afterPrefix = National(rest, reading) ?? WithoutPlus(rest, reading);
            if (afterPrefix is not null)
            {
                return afterPrefix;
            }
        }

        return WithoutPlus(digits, reading);
    }

    /// <summary>Readings that do not depend on the region: 00 / 011 international prefixes, a country code without plus.</summary>
    private static PhoneNumber? WithoutPlus(string digits, Reading reading) =>
        InternationalPrefixed(digits, reading) ?? International(digits, reading);

    private static PhoneNumber? InternationalPrefixed(string digits, Reading reading)
    {
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return International(digits[2..], reading);
        }

        if (digits.StartsWith("011", StringComparison.Ordinal))
        {
            return International(digits[3..], reading);
        }

        return null;
    }

    private PhoneNumber? National(string digits, Reading reading)
    {
        // No valid national significant number is this long; libphonenumber would throw "too long".
        if (digits.Length > MaxNationalDigits)
        {
            return null;
        }

        if (_plainIdd is not null && digits.StartsWith(_plainIdd, StringComparison.Ordinal))
        {
            if (digits.Length == _plainIdd.Length)
            {
                return null;
            }

            // What libphonenumber does (an IDD followed by 0 is read nationally), minus the exception it
            // throws for an unknown country code.
            if (digits[_plainIdd.Length] != '0')
            {
                return International(digits[_plainIdd.Length..], reading);
            }
        }

        return TryParse(digits, Region, reading);
    }

    private static PhoneNumber? International(string digits, Reading reading)
    {
        var codeLength = CallingCodeLength(digits);
        var national = digits.Length - codeLength;
        if (codeLength == 0 || national < MinNationalDigits || national > MaxNationalDigits)
        {
            return null;
        }

        return TryParse("+" + digits, "ZZ", reading);
    }

    private static PhoneNumber? TryParse(string text, string region, Reading reading)
    {
        try
        {
            var number = Util.Parse(text, region);
            var accepted = reading == Reading.Valid
                ? Util.IsValidNumber(number)
                : Util.IsPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE && FitsPlan(number);
            return accepted ? number : null;
        }
        catch (NumberParseException)
        {
            // Screened inputs rarely get here (an IDD followed by an unknown code in AU, BR and the like).
            return null;
        }
    }

    /// <summary>
    /// Plausible beyond its length: the national number has the shape of the country's plan (its general pattern, which
    /// spans ranges not yet allocated), so <c>+1 123 456 7890</c> or a US number read in GB's plan stays no number.
    /// </summary>
    private static bool FitsPlan(PhoneNumber number)
    {
        var plan = PlanPatterns.GetOrAdd(number.CountryCode, static code =>
        {
            var pattern = Util.GetMetadataForRegion(Util.GetRegionCodeForCountryCode(code))?.GeneralDesc?.NationalNumberPattern
                ?? Util.GetMetadataForNonGeographicalRegion(code)?.GeneralDesc?.NationalNumberPattern;
            return pattern is null ? null : new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        });
        return plan is not null && plan.IsMatch(Util.GetNationalSignificantNumber(number));
    }

    private static int CallingCodeLength(string digits)
    {
        if (digits.Length == 0 || digits[0] == '0')
        {
            return 0;
        }

        var code = 0;
        for (var length = 1; length <= 3 && length <= digits.Length; length++)
        {
            code = (code * 10) + (digits[length - 1] - '0');
            if (CallingCodes[code])
            {
                return length;
            }
        }

        return 0;
    }

    private static bool[] BuildCallingCodes()
    {
        var codes = new bool[1000];
        foreach (var code in Util.GetSupportedCallingCodes())
        {
            if (code is > 0 and < 1000)
            {
                codes[code] = true;
            }
        }

        return codes;
    }

    private enum Reading
    {
        /// <summary>Numbers in ranges libphonenumber knows to be allocated.</summary>
        Valid,

        /// <summary>Numbers of a plausible length for their country, allocated or not yet known to be.</summary>
        Possible,
    }
}
