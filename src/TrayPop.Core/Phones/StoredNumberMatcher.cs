using Microsoft.Extensions.Options;

namespace TrayPop.Core.Phones;

/// <summary>Decides whether a number stored in the CRM, in whatever format, is the caller's full number.</summary>
internal sealed class StoredNumberMatcher(IOptions<PhoneOptions> options)
{
    private readonly PhoneOptions _options = options.Value;

    public bool IsSameNumber(CallerId caller, string? stored)
    {
        // Placeholder until the libphonenumber-based matcher lands.
        _ = _options;
        if (string.IsNullOrWhiteSpace(stored) || caller.Kind == CallerIdKind.Withheld)
        {
            return false;
        }

        if (caller.Kind == CallerIdKind.Unrecognised)
        {
            return string.Equals(stored.Trim(), caller.Text, StringComparison.OrdinalIgnoreCase);
        }

        var digits = new string(stored.Where(char.IsAsciiDigit).ToArray());
        return digits.EndsWith(caller.NationalNumber!, StringComparison.Ordinal);
    }
}
