using Microsoft.Extensions.Options;

namespace TrayPop.Core.Phones;

/// <summary>Turns whatever a softphone presents (digits, SIP/tel URIs, name-addr…) into a <see cref="CallerId"/>.</summary>
internal sealed class CallerIdParser(IOptions<PhoneOptions> options)
{
    private readonly PhoneOptions _options = options.Value;

    public CallerId Parse(string? raw)
    {
        // Placeholder until the libphonenumber-based parser lands.
        var text = (raw ?? "").Trim();
        if (text.Length == 0)
        {
            return CallerId.Withheld;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (_options.OutsideLinePrefix.Length > 0 && digits.StartsWith(_options.OutsideLinePrefix, StringComparison.Ordinal))
        {
            digits = digits[_options.OutsideLinePrefix.Length..];
        }

        return digits.Length >= 7
            ? new CallerId(CallerIdKind.Number, "+1" + digits[^10..], digits[^10..], "+1" + digits[^10..])
            : new CallerId(CallerIdKind.Unrecognised, null, null, text);
    }
}
