using TrayPop.Core.Phones;

namespace TrayPop.Core.Tests.Phones;

public sealed class CallerIdParserTests
{
    [Theory]
    [InlineData("4255550101")]
    [InlineData("14255550101")]
    [InlineData("(425) 555-0101")]
    [InlineData("425.555.0101")]
    [InlineData("1-425-555-0101")]
    public void Parse_WhenBareOrNationalDigits_ReturnsE164(string raw)
    {
        var id = PhoneTestServices.Parser("US").Parse(raw);

        Assert.Equal(CallerIdKind.Number, id.Kind);
        Assert.Equal("+14255550101", id.E164);
        Assert.Equal("4255550101", id.NationalNumber);
        Assert.Equal("+1 425-555-0101", id.Text);
    }

    [Theory]
    [InlineData("US", "+14255550101", "+14255550101")]
    [InlineData("US", "+44 20 7946 0958", "+442079460958")]
    [InlineData("GB", "+1 (425) 555-0101", "+14255550101")]
    [InlineData("US", "+39 06 1234 5678", "+390612345678")]
    [InlineData("US", "+61 491 570 156", "+61491570156")]
    public void Parse_WhenPlusE164_ReturnsE164(string region, string raw, string e164) =>
        Assert.Equal(e164, PhoneTestServices.Parser(region).Parse(raw).E164);

    [Theory]
    [InlineData("GB", "020 7946 0958", "+442079460958")]
    [InlineData("GB", "0113 496 0123", "+441134960123")]
    [InlineData("DE", "030 123456", "+4930123456")]
    [InlineData("DE", "01512 3456789", "+4915123456789")]
    [InlineData("FR", "01 23 45 67 89", "+33123456789")]
    [InlineData("AU", "0491 570 156", "+61491570156")]
    [InlineData("IT", "06 1234 5678", "+390612345678")]
    [InlineData("IN", "081234 56789", "+918123456789")]
    [InlineData("BR", "(11) 96123-4567", "+5511961234567")]
    [InlineData("CA", "(416) 555-0123", "+14165550123")]
    public void Parse_WhenNationalFormat_ReadsItInTheDefaultRegion(string region, string raw, string e164) =>
        Assert.Equal(e164, PhoneTestServices.Parser(region).Parse(raw).E164);

    [Theory]
    [InlineData("GB", "14255550101", "+14255550101")]
    [InlineData("US", "442079460958", "+442079460958")]
    [InlineData("US", "61491570156", "+61491570156")]
    [InlineData("DE", "4930123456", "+4930123456")]
    public void Parse_WhenCountryCodeWithoutPlus_ReturnsE164(string region, string raw, string e164) =>
        Assert.Equal(e164, PhoneTestServices.Parser(region).Parse(raw).E164);

    [Fact]
    public void Parse_WhenCountryCodeWithoutPlusIsAlsoAValidNationalNumber_PrefersTheNationalReading()
    {
        // Germany's open plan makes 4915123456789 also 0491 5123456789 (Leer); libphonenumber and a German
        // dialler both read it nationally, so guessing the mobile +49 1512 … would risk the wrong record.
        var id = PhoneTestServices.Parser("DE").Parse("4915123456789");

        Assert.Equal("+494915123456789", id.E164);
    }

    [Theory]
    [InlineData("US", "011 44 20 7946 0958", "+442079460958")]
    [InlineData("GB", "00 1 425 555 0101", "+14255550101")]
    [InlineData("GB", "011 1 425 555 0101", "+14255550101")]
    [InlineData("DE", "0044 20 7946 0958", "+442079460958")]
    [InlineData("US", "0061 491 570 156", "+61491570156")]
    [InlineData("AU", "0011 44 20 7946 0958", "+442079460958")]
    public void Parse_WhenInternationalPrefix_ReturnsE164(string region, string raw, string e164) =>
        Assert.Equal(e164, PhoneTestServices.Parser(region).Parse(raw).E164);

    [Theory]
    [InlineData("US", "9", "94255550101", "+14255550101")]
    [InlineData("US", "9", "914255550101", "+14255550101")]
    [InlineData("US", "9", "9011442079460958", "+442079460958")]
    [InlineData("US", "9", "+14255550101", "+14255550101")]
    [InlineData("GB", "9", "902079460958", "+442079460958")]
    [InlineData("GB", "9", "9 00 1 425 555 0101", "+14255550101")]
    [InlineData("DE", "0", "0030 123456", "+4930123456")]
    [InlineData("DE", "0", "00044 20 7946 0958", "+442079460958")]
    [InlineData("GB", "9", "sip:902079460958@10.1.2.3", "+442079460958")]
    public void Parse_WhenOutsideLinePrefix_StripsIt(string region, string prefix, string raw, string e164) =>
        Assert.Equal(e164, PhoneTestServices.Parser(region, prefix).Parse(raw).E164);

    [Theory]
    [InlineData("US", "9", "9195550101", "+19195550101")]
    [InlineData("US", "9", "19195550101", "+19195550101")]
    [InlineData("GB", "0", "02079460958", "+442079460958")]
    [InlineData("DE", "0", "030 123456", "+4930123456")]
    [InlineData("US", "1", "14255550101", "+14255550101")]
    public void Parse_WhenLeadingDigitEqualsOutsideLinePrefix_KeepsTheRealDigit(string region, string prefix, string raw, string e164) =>
        Assert.Equal(e164, PhoneTestServices.Parser(region, prefix).Parse(raw).E164);

    [Fact]
    public void Parse_WhenOutsideLinePrefixLeavesNoValidNumber_ReturnsUnrecognised()
    {
        var id = PhoneTestServices.Parser("US", "9").Parse("95550101");

        Assert.Equal(CallerIdKind.Unrecognised, id.Kind);
        Assert.Equal("95550101", id.Text);
    }

    [Theory]
    [InlineData("sip:+14255550101@pbx;user=phone")]
    [InlineData("sip:4255550101@10.1.2.3:5060;transport=udp")]
    [InlineData("sip:14255550101@pbx.example.com?Subject=Hello&Priority=urgent")]
    [InlineData("SIP:+14255550101@pbx")]
    [InlineData("sips:+14255550101@pbx.example.com:5061;transport=tls")]
    [InlineData("sip:+1-425-555-0101;isub=12@pbx;user=phone")]
    [InlineData("sip:4255550101")]
    [InlineData("4255550101@10.1.2.3")]
    public void Parse_WhenSipUriWithParameters_ReturnsE164(string raw) =>
        Assert.Equal("+14255550101", PhoneTestServices.Parser("US").Parse(raw).E164);

    [Theory]
    [InlineData("tel:+1-425-555-0101")]
    [InlineData("tel:+1-425-555-0101;ext=12")]
    [InlineData("TEL:+14255550101")]
    [InlineData("tel:555-0101;phone-context=+1-425")]
    [InlineData("tel:4255550101;phone-context=example.com")]
    public void Parse_WhenTelUri_ReturnsE164(string raw) =>
        Assert.Equal("+14255550101", PhoneTestServices.Parser("US").Parse(raw).E164);

    [Theory]
    [InlineData("\"Jane\" <sip:4255550101@10.1.2.3>")]
    [InlineData("Jane Doe <sip:+14255550101@pbx;user=phone>;tag=1928301774")]
    [InlineData("\"Doe, Jane <Sales>\" <sip:4255550101@10.1.2.3>")]
    [InlineData("<tel:+1-425-555-0101>")]
    [InlineData("\"Anonymous\" <sip:+14255550101@pbx>")]
    public void Parse_WhenNameAddrWithDisplayName_ReturnsTheUriNumber(string raw) =>
        Assert.Equal("+14255550101", PhoneTestServices.Parser("US").Parse(raw).E164);

    [Theory]
    [InlineData("＋１４２５５５５０１０１")]
    [InlineData("（４２５）５５５－０１０１")]
    [InlineData("٤٢٥٥٥٥٠١٠١")]
    [InlineData("\u202A+1 425 555 0101\u202C")]
    public void Parse_WhenFullWidthOrOtherScriptDigits_ReturnsE164(string raw) =>
        Assert.Equal("+14255550101", PhoneTestServices.Parser("US").Parse(raw).E164);

    [Theory]
    [InlineData("sip:%2B14255550101@pbx")]
    [InlineData("sip:%2b1%20425%20555%200101@pbx")]
    [InlineData("tel:%2B1-425-555-0101")]
    public void Parse_WhenPercentEncodedUri_ReturnsE164(string raw) =>
        Assert.Equal("+14255550101", PhoneTestServices.Parser("US").Parse(raw).E164);

    [Theory]
    [InlineData("  4255550101  ")]
    [InlineData("\t+14255550101\r\n")]
    [InlineData("\u00A0425 555 0101\u3000")]
    [InlineData("  sip:+14255550101@pbx  ")]
    public void Parse_WhenSurroundingWhitespace_ReturnsE164(string raw) =>
        Assert.Equal("+14255550101", PhoneTestServices.Parser("US").Parse(raw).E164);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("anonymous")]
    [InlineData("ANONYMOUS")]
    [InlineData("Restricted")]
    [InlineData("private")]
    [InlineData("Unavailable")]
    [InlineData("unknown")]
    [InlineData("\"Anonymous\"")]
    [InlineData("sip:anonymous@anonymous.invalid")]
    [InlineData("Anonymous <sip:anonymous@anonymous.invalid>")]
    [InlineData("\"Anonymous\" <sip:anonymous@10.1.2.3;user=phone>")]
    [InlineData("sip:Restricted@pbx.example.com")]
    [InlineData("sip:c8oqz84zk7z@anonymous.invalid")]
    [InlineData("tel:unknown")]
    [InlineData("\u0000\u0001")]
    [InlineData("sip:alice@example.com")]
    [InlineData("\"Alice\" <sips:alice@10.1.2.3;transport=tls>")]
    [InlineData("tel:reception")]
    [InlineData("<sip:pbx.example.com>")]
    [InlineData("sip:pbx.example.com")]
    [InlineData("\"Front Desk\" <sips:pbx.example.com:5061;transport=tls>")]
    [InlineData("sip:@pbx.example.com")]
    [InlineData("tel:")]
    [InlineData("<tel:>")]
    public void Parse_WhenWithheld_ReturnsWithheld(string? raw) =>
        Assert.Same(CallerId.Withheld, PhoneTestServices.Parser("US").Parse(raw));

    [Theory]
    [InlineData("Reception", "Reception")]
    [InlineData("  Front Desk \t", "Front Desk")]
    [InlineData("12", "12")]
    [InlineData("555-0101", "555-0101")]
    [InlineData("+999 1234 5678", "+999 1234 5678")]
    [InlineData("+1 123 456 7890", "+1 123 456 7890")]
    [InlineData("ab\u0000c\u0007d", "abcd")]
    [InlineData("425\u0000555\u00000101x", "4255550101x")]
    [InlineData("*67 425 555 0101", "*67 425 555 0101")]
    [InlineData("+1 425 555 0101 +1", "+1 425 555 0101 +1")]
    public void Parse_WhenNotAPhoneNumber_ReturnsUnrecognisedWithCleanedText(string raw, string text)
    {
        var id = PhoneTestServices.Parser("US").Parse(raw);

        Assert.Equal(CallerIdKind.Unrecognised, id.Kind);
        Assert.Null(id.E164);
        Assert.Null(id.NationalNumber);
        Assert.Equal(text, id.Text);
    }

    [Fact]
    public void Parse_WhenLongerThan256Characters_ReturnsUnrecognisedCappedAt64()
    {
        var raw = "  " + new string('4', 300);

        var id = PhoneTestServices.Parser("US").Parse(raw);

        Assert.Equal(CallerIdKind.Unrecognised, id.Kind);
        Assert.Equal(new string('4', 64), id.Text);
    }

    [Fact]
    public void Parse_WhenUnrecognisedTextIsLong_CapsItAt64Characters()
    {
        var id = PhoneTestServices.Parser("US").Parse(new string('z', 200));

        Assert.Equal(64, id.Text.Length);
    }

    [Theory]
    [InlineData("GB", "+442079460958")]
    [InlineData("US", "+12079460958")]
    public void Parse_WhenDefaultRegionDiffers_ReadsTheSameDigitsAsAnotherNumber(string region, string e164) =>
        Assert.Equal(e164, PhoneTestServices.Parser(region).Parse("2079460958").E164);

    [Theory]
    [InlineData("GB", "020 7946 0958", CallerIdKind.Number)]
    [InlineData("US", "020 7946 0958", CallerIdKind.Unrecognised)]
    [InlineData("US", "(425) 555-0101", CallerIdKind.Number)]
    [InlineData("GB", "(425) 555-0101", CallerIdKind.Unrecognised)]
    public void Parse_WhenNationalNumberOfAnotherRegion_DoesNotGuess(string region, string raw, object kind) =>
        Assert.Equal((CallerIdKind)kind, PhoneTestServices.Parser(region).Parse(raw).Kind);

    [Fact]
    public void Parse_WhenItalianNumber_KeepsTheLeadingZero()
    {
        var id = PhoneTestServices.Parser("GB").Parse("+39 06 1234 5678");

        Assert.Equal("+390612345678", id.E164);
        Assert.Equal("0612345678", id.NationalNumber);
        Assert.Equal("+39 06 1234 5678", id.Text);
    }
}
