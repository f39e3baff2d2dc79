using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace TrayPop.Core.Phones;

/// <summary>Turns whatever a softphone presents (digits, SIP/tel URIs, name-addr…) into a <see cref="CallerId"/>.</summary>
/// <remarks>Never throws: caller ids come from outside and a bad one must not stop the call pipeline.</remarks>
internal sealed class CallerIdParser(IOptions<PhoneOptions> options)
{
    /// <summary>Longer caller ids are not worth reading: no SIP URI of a phone number comes near it.</summary>
    public const int MaxLength = 256;

    private readonly EffectiveRegion _region = PhoneRegion.Explain(options.Value.DefaultRegion);
    private readonly PhoneNumberReader _reader = new(PhoneRegion.Resolve(options.Value.DefaultRegion));
    private readonly string _outsideLinePrefix = DigitsOf(options.Value.OutsideLinePrefix);

    /// <summary>The region that reads numbers written without a country code.</summary>
    public string Region => _reader.Region;

    /// <summary>The region with where it came from (<c>check</c> prints it; a start on the fallback warns).</summary>
    public EffectiveRegion EffectiveRegion => _region;

    public CallerId Parse(string? raw)
    {
        if (raw is null)
        {
            return CallerId.Withheld;
        }

        if (raw.Length > MaxLength)
        {
            return Unrecognised(raw);
        }

        var text = raw.AsSpan().Trim();
        if (WithheldCallerIds.IsWithheld(text))
        {
            return CallerId.Withheld;
        }

        var address = CallerIdAddress.Read(text);
        if (address.Anonymous || WithheldCallerIds.IsWithheld(address.User))
        {
            return CallerId.Withheld;
        }

        if (!DialStringScanner.TryScan(ExtensionSplitter.WithoutExtension(address.User), allowVanityLetters: false, out var dial))
        {
            // A SIP/tel address without a number in it (sip:alice@pbx) does not say who calls: as good as withheld.
            return CallerIdAddress.IsAddress(text) ? CallerId.Withheld : Unrecognised(raw);
        }

        if (!dial.HasPlus
            && address.PhoneContext is { } context
            && DialStringScanner.TryScan(context, allowVanityLetters: false, out var prefix))
        {
            // tel:555-0100;phone-context=+1-425 is the local number 555-0100 inside +1 425.
            dial = new DialString(true, prefix.Digits + dial.Digits);
        }

        var number = _reader.Read(dial, _outsideLinePrefix);
        return number is null ? Unrecognised(raw) : Number(number);
    }

    private static CallerId Number(PhoneNumber number) => new(
        CallerIdKind.Number,
        PhoneNumberReader.Util.Format(number, PhoneNumberFormat.E164),
        PhoneNumberReader.Util.GetNationalSignificantNumber(number),
        PhoneNumberReader.Util.Format(number, PhoneNumberFormat.INTERNATIONAL));

    private static CallerId Unrecognised(string raw)
    {
        var text = UnrecognisedText.Clean(raw);

        // Nothing printable left means nothing to search for: treat it like no caller id at all.
        return text.Length == 0 ? CallerId.Withheld : new CallerId(CallerIdKind.Unrecognised, null, null, text);
    }

    private static string DigitsOf(string? prefix) =>
        string.IsNullOrEmpty(prefix) ? "" : new string(prefix.Where(char.IsAsciiDigit).ToArray());
}
