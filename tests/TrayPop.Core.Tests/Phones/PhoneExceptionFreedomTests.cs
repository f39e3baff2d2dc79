using System.Runtime.ExceptionServices;
using PhoneNumbers;

namespace TrayPop.Core.Tests.Phones;

/// <summary>libphonenumber throws on bad input; on the hot path the screening must keep it from ever being asked.</summary>
public sealed class PhoneExceptionFreedomTests
{
    public static TheoryData<string> CommonInputs()
    {
        List<string> inputs =
        [
            "Reception", "anonymous", "555-0101", "0", "00", "011", "0011", "+", "+0", "+999 1234", "+1",
            "011 999 1234 5678", "00 999 1234 5678", "04873267542747", "8080076501543872732", "0000000000",
            "sip:alice@example.com", "sip:%2B999123@pbx", "tel:+", "1-800-FLOWERS", "x221",
        ];

        // Every digit string a keypad can produce, from 1 to 22 digits, with and without a plus.
        var random = new Random(7);
        for (var length = 1; length <= 22; length++)
        {
            for (var n = 0; n < 4; n++)
            {
                var digits = string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));
                inputs.Add(digits);
                inputs.Add("+" + digits);
            }
        }

        // Short lengths repeat themselves (and the handwritten ones): each input once, so every row runs as its own case.
        return new TheoryData<string>(inputs.Distinct(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CommonInputs))]
    public void Parse_WhenInputIsCommon_NeverLetsLibphonenumberThrow(string raw)
    {
        var thread = Environment.CurrentManagedThreadId;
        var thrown = 0;
        void Count(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is NumberParseException && Environment.CurrentManagedThreadId == thread)
            {
                thrown++;
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            foreach (var region in new[] { "US", "GB", "DE", "IT" })
            {
                var caller = PhoneTestServices.Parser(region, outsideLinePrefix: "9").Parse(raw);
                _ = PhoneTestServices.Matcher(region).IsSameNumber(caller, raw);
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, thrown);
    }
}
