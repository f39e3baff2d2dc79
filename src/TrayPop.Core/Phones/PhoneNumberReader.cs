using PhoneNumbers;

namespace TrayPop.Core.Phones;

/// <summary>
/// Finds the one full number a <see cref="DialString"/> stands for, trying the readings in the order a
/// person in <see cref="Region"/> would, and accepting only numbers libphonenumber holds valid.
/// </summary>
internal sealed class PhoneNumberReader
{
    public static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private const int MinNationalDigits = 2;
    private const int MaxNationalDigits = 17;

    // Country calling codes are prefix-free and at most three digits, so a table answers in one look.
    private static readonly bool[] CallingCodes = BuildCallingCodes();

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
    public PhoneNumber? Read(DialString dial, string outsideLinePrefix)
    {
        var digits = dial.Digits;
        if (dial.HasPlus)
        {
            return International(digits);
        }

        // As written first: a real leading digit that equals the outside-line prefix must survive.
        var asWritten = National(digits);
        if (asWritten is not null)
        {
            return asWritten;
        }

        if (outsideLinePrefix.Length > 0
            && digits.Length > outsideLinePrefix.Length
            && digits.StartsWith(outsideLinePrefix, StringComparison.Ordinal))
        {
            var rest = digits[outsideLinePrefix.Length..];
            var afterPrefix = National(rest) ?? WithoutPlus(rest);
            if (afterPrefix is not null)
            {
                return afterPrefix;
            }
        }

        return WithoutPlus(digits);
    }

    /// <summary>Readings that do not depend on the region: 00 / 011 international prefixes, a country code without plus.</summary>
    private static PhoneNumber? WithoutPlus(string digits)
    {
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return International(digits[2..]);
        }

        if (digits.StartsWith("011", StringComparison.Ordinal))
        {
            return International(digits[3..]);
        }

        return International(digits);
    }

    private PhoneNumber? National(string digits)
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
                return International(digits[_plainIdd.Length..]);
            }
        }

        return TryParse(digits, Region);
    }

    private static PhoneNumber? International(string digits)
    {
        var codeLength = CallingCodeLength(digits);
        var national = digits.Length - codeLength;
        if (codeLength == 0 || national < MinNationalDigits || national > MaxNationalDigits)
        {
            return null;
        }

        return TryParse("+" + digits, "ZZ");
    }

    private static PhoneNumber? TryParse(string text, string region)
    {
        try
        {
            var number = Util.Parse(text, region);
            return Util.IsValidNumber(number) ? number : null;
        }
        catch (NumberParseException)
        {
            // Screened inputs rarely get here (an IDD followed by an unknown code in AU, BR and the like).
            return null;
        }
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
}
