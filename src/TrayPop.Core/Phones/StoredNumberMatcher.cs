using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace TrayPop.Core.Phones;

/// <summary>Decides whether a number stored in the CRM, in whatever format, is the caller's full number.</summary>
/// <remarks>
/// Only the full number counts (country code and national significant number): matching on trailing
/// digits is how other tools pop the wrong customer. Never throws.
/// </remarks>
internal sealed class StoredNumberMatcher(IOptions<PhoneOptions> options)
{
    // A CRM phone column holds 50 to 100 characters; anything longer is not one number.
    private const int MaxStoredLength = 256;

    private readonly PhoneNumberReader _reader = new(PhoneRegion.Resolve(options.Value.DefaultRegion));

    public bool IsSameNumber(CallerId caller, string? stored)
    {
        if (stored is null || stored.Length > MaxStoredLength)
        {
            return false;
        }

        return caller.Kind switch
        {
            CallerIdKind.Number => caller.E164 is not null && ReadE164(stored) == caller.E164,
            CallerIdKind.Unrecognised => caller.Text.Length > 0
                && stored.AsSpan().Trim().Equals(caller.Text, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>The stored number in E.164 without its extension, or null when it is not a full valid number.</summary>
    public string? ReadE164(string stored)
    {
        var text = stored.AsSpan().Trim();
        var address = text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("sip", StringComparison.OrdinalIgnoreCase)
            ? CallerIdAddress.Read(text).User.AsSpan()
            : text;

        if (!DialStringScanner.TryScan(ExtensionSplitter.WithoutExtension(address), allowVanityLetters: true, out var dial))
        {
            return null;
        }

        var number = _reader.Read(dial, outsideLinePrefix: "");
        return number is null ? null : PhoneNumberReader.Util.Format(number, PhoneNumberFormat.E164);
    }
}
