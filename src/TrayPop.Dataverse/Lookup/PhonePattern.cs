using System.Text;
using TrayPop.Dataverse;
using TrayPop.Core.Phones;

using TrayPop.Core.Lookup;

namespace TrayPop.Dataverse.Lookup;

/// <summary>
/// The contains() pattern that finds a caller's number in any stored format: the national significant
/// number's digits in order with <c>%</c> between them, so <c>(425) 555-0101</c>, <c>+1.425.555.0101</c> and
/// <c>+44 (0)20…</c> all qualify; each digit 2–9 also accepts its keypad letters so vanity numbers
/// (<c>1-800-FLOWERS</c>) qualify too. It only finds candidates; each is confirmed by full-number equality.
/// </summary>
internal static class PhonePattern
{
    private static readonly string[] Keypad = ["0", "1", "[2ABC]", "[3DEF]", "[4GHI]", "[5JKL]", "[6MNO]", "[7PQRS]", "[8TUV]", "[9WXYZ]"];

    public static string For(CallerId callerId)
    {
        if (callerId.Kind != CallerIdKind.Number)
        {
            return ODataText.LikeLiteral(callerId.Text);
        }

        var digits = callerId.NationalNumber!;
        var pattern = new StringBuilder(digits.Length * 8);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0)
            {
                pattern.Append('%');
            }

            pattern.Append(Keypad[digits[i] - '0']);
        }

        return pattern.ToString();
    }
}
