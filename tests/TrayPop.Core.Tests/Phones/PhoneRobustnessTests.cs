using System.Text;
using TrayPop.Core.Phones;

namespace TrayPop.Core.Tests.Phones;

public sealed class PhoneRobustnessTests
{
    private static readonly string[] Handwritten =
    [
        "+", "++", "+-", "+0", "+00", "+1", "+999", "+9999999999999999999999", "0", "00", "000", "0000000", "001", "0012",
        "011", "0110", "0011", "(", ")", "()", "(((", "(0)", "+44 (0", "+44 (home", "x", "x1", "ext", "ext.", "#", "#1",
        ";ext=", "sip:", "sips:", "tel:", "sip:@", "sip:@@", "sip:+@x", "sip:%", "sip:%2", "sip:%2B", "sip:%ZZ12345",
        "sip:%C3%A9123", "tel:;phone-context=+", "tel:1;phone-context=+", "tel:1;phone-context=+999999999999999999999",
        "tel:12;phone-context=%2B1425555", "<", ">", "<>", "<<>>", "\"", "\"\"", "\"\\", "\"\\\"", "\"a\\\" <sip:1@x>",
        "<sip:", "<sip:>", "\"Jane\" <", "\"Jane\" <sip:4255550101", "Jane <sip:4255550101@", "@", "@@@", "4255550101@",
        "\u0000", "\uFFFF", "\uFFFE", "\uD800", "\uDC00", "\uD83D\uDE00", "a\uD800", "\u202E4255550101", "\u200B",
        "\u00A0", "\u3000", "＋", "（）", "٠", "١٢", "𝟒𝟐𝟓𝟓𝟓𝟓𝟎𝟏𝟎𝟏", "4255550101\u0301", "DROP TABLE contact;--",
        "' OR 1=1 --", "%00", "%2B%2B", "1-800-", "1-800-FLOWERS", "FLOWERS", "1-800-FLOWERSFLOWERSFLOWERSFLOWERS",
        "999999999999999999999999999999", new string('9', 256), new string('9', 257), new string('+', 300),
        new string(' ', 10_000), new string('\0', 5000) + "4255550101", "sip:" + new string('%', 250),
        "tel:" + new string(';', 250), "\"" + new string('<', 254), new string('(', 256), "00" + new string('0', 20),
        "0011" + new string('9', 18), "011 999 1234 5678", "00 999 1234 5678", "0011 999 123", "00 1 2", "9", "99",
    ];

    public static TheoryData<string> NastyInputs()
    {
        var data = new TheoryData<string>();
        foreach (var input in Handwritten)
        {
            data.Add(input);
        }

        // Deterministic noise built from the characters the parser gives meaning to.
        const string Alphabet = "0123456789+()-. %2Bx#;=<>\"@:?sipteXT\u00A0\u2013＋０９\u0000\u202E\uD800\uDC00aA\\/,*";
        var random = new Random(20_240_601);
        for (var i = 0; i < 300; i++)
        {
            var length = random.Next(0, i < 280 ? 40 : 300);
            var text = new StringBuilder(length);
            for (var j = 0; j < length; j++)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            data.Add((i % 4) switch
            {
                0 => "sip:" + text,
                1 => "tel:+" + text,
                2 => "\"x\" <sip:" + text,
                _ => text.ToString(),
            });
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NastyInputs), DisableDiscoveryEnumeration = true)]
    public void Parse_WhenInputIsNasty_NeverThrowsAndKeepsTheContract(string raw)
    {
        foreach (var (region, prefix) in new[] { ("US", ""), ("GB", "9"), ("AU", "0"), ("BR", "") })
        {
            var id = PhoneTestServices.Parser(region, prefix).Parse(raw);

            switch (id.Kind)
            {
                case CallerIdKind.Number:
                    Assert.StartsWith("+", id.E164, StringComparison.Ordinal);
                    Assert.False(string.IsNullOrEmpty(id.NationalNumber));
                    break;
                case CallerIdKind.Unrecognised:
                    Assert.InRange(id.Text.Length, 1, 64);
                    Assert.DoesNotContain(id.Text, char.IsControl);
                    break;
                default:
                    Assert.Same(CallerId.Withheld, id);
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(NastyInputs), DisableDiscoveryEnumeration = true)]
    public void IsSameNumber_WhenStoredIsNasty_NeverThrowsAndNeverMatchesWhatItDoesNotHold(string stored)
    {
        var matcher = PhoneTestServices.Matcher("GB");
        var parser = PhoneTestServices.Parser("GB");
        var digits = new string([.. stored.Where(char.IsAsciiDigit)]);

        // A real caller matches only a stored value that holds its national number's digits.
        if (matcher.IsSameNumber(parser.Parse("+442079460958"), stored))
        {
            Assert.Contains("2079460958", digits, StringComparison.Ordinal);
        }

        // Nobody matches a caller without a number.
        Assert.False(matcher.IsSameNumber(parser.Parse("Reception"), stored));
        Assert.False(matcher.IsSameNumber(CallerId.Withheld, stored));
        _ = matcher.IsSameNumber(parser.Parse(stored), stored);
    }
}
