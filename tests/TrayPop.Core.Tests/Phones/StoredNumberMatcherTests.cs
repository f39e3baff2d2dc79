using TrayPop.Core.Phones;

namespace TrayPop.Core.Tests.Phones;

public sealed class StoredNumberMatcherTests
{
    private static bool Matches(string region, string callerId, string? stored) =>
        PhoneTestServices.Matcher(region).IsSameNumber(PhoneTestServices.Parser(region).Parse(callerId), stored);

    [Theory]
    [InlineData("4255550101")]
    [InlineData("425 555 0101")]
    [InlineData("425.555.0101")]
    [InlineData("425-555-0101")]
    [InlineData("(425) 555-0101")]
    [InlineData("+1 (425) 555-0101")]
    [InlineData("1 425 555 0101")]
    [InlineData("+14255550101")]
    [InlineData("  +1 425 555 0101  ")]
    [InlineData("tel:+1-425-555-0101")]
    public void IsSameNumber_WhenStoredWithSpacesDotsDashesOrParentheses_Matches(string stored) =>
        Assert.True(Matches("US", "sip:+14255550101@pbx", stored));

    [Theory]
    [InlineData("425\u2010555\u20100101")]
    [InlineData("425\u2011555\u20110101")]
    [InlineData("425\u2012555\u20120101")]
    [InlineData("425\u2013555\u20130101")]
    [InlineData("425\u2014555\u20140101")]
    [InlineData("425\u2212555\u22120101")]
    [InlineData("425\u00A0555\u00A00101")]
    [InlineData("+1\u202F425\u202F555\u202F0101")]
    [InlineData("＋１ ４２５ ５５５ ０１０１")]
    public void IsSameNumber_WhenStoredWithUnicodeDashesOrSpaces_Matches(string stored) =>
        Assert.True(Matches("US", "4255550101", stored));

    [Theory]
    [InlineData("+44 (0)20 7946 0958")]
    [InlineData("+44 (0) 20 7946 0958")]
    [InlineData("0044 20 7946 0958")]
    [InlineData("0044 (0)20 7946 0958")]
    [InlineData("011 44 20 7946 0958")]
    [InlineData("020 7946 0958")]
    [InlineData("(020) 7946 0958")]
    [InlineData("44 20 7946 0958")]
    public void IsSameNumber_WhenStoredWithTrunkPrefixOrInternationalPrefix_Matches(string stored) =>
        Assert.True(Matches("GB", "+442079460958", stored));

    [Theory]
    [InlineData("(425) 555-0101 x221")]
    [InlineData("425-555-0101 X221")]
    [InlineData("425-555-0101x221")]
    [InlineData("425-555-0101 ext. 221")]
    [InlineData("425-555-0101 ext 221")]
    [InlineData("425-555-0101 Ext.221")]
    [InlineData("425-555-0101 extension 221")]
    [InlineData("+1-425-555-0101;ext=221")]
    [InlineData("tel:+1-425-555-0101;ext=221")]
    [InlineData("425-555-0101 #221")]
    [InlineData("425-555-0101, ext 221")]
    public void IsSameNumber_WhenStoredWithExtension_ComparesTheNumberWithoutIt(string stored) =>
        Assert.True(Matches("US", "+14255550101", stored));

    [Theory]
    [InlineData("1-800-FLOWERS")]
    [InlineData("+1 800 FLOWERS")]
    [InlineData("1 (800) flowers")]
    [InlineData("1-800-FLOWERS x12")]
    public void IsSameNumber_WhenStoredWithVanityLetters_ReadsThemOnTheKeypad(string stored) =>
        Assert.True(Matches("US", "+18003569377", stored));

    [Theory]
    [InlineData("+39 06 1234 5678", "06 1234 5678", true)]
    [InlineData("+39 06 1234 5678", "+39 (0)6 1234 5678", true)]
    [InlineData("+39 06 1234 5678", "0039 06 1234 5678", true)]
    [InlineData("+39 06 1234 5678", "+39 6 1234 5678", false)]
    public void IsSameNumber_WhenItalianLeadingZero_KeepsItSignificant(string callerId, string stored, bool match) =>
        Assert.Equal(match, Matches("IT", callerId, stored));

    [Theory]
    [InlineData("US", "+14255550101", "(206) 555-0101")]
    [InlineData("US", "+14255550101", "555-0101")]
    [InlineData("US", "+14255550101", "5550101")]
    [InlineData("US", "+14255550101", "+44 425 555 0101")]
    [InlineData("US", "+14255550101", "+1 425 555 0102")]
    [InlineData("US", "+14255550101", "+1 425 555 0100 x101")]
    [InlineData("US", "+14255550101", "425-555-0100 ext. 0101")]
    [InlineData("US", "+14255550101", "1-425-555-01010")]
    [InlineData("GB", "+442079460958", "7946 0958")]
    [InlineData("GB", "+442079460958", "+1 207 946 0958")]
    [InlineData("US", "+442079460958", "207-946-0958")]
    [InlineData("GB", "+442079460958", "0113 496 0958")]
    [InlineData("AU", "+61491570156", "+64 491 570 156")]
    public void IsSameNumber_WhenOnlyTheLastDigitsAgree_DoesNotMatch(string region, string callerId, string stored) =>
        Assert.False(Matches(region, callerId, stored));

    [Theory]
    [InlineData("GB", true)]
    [InlineData("US", false)]
    public void IsSameNumber_WhenStoredWithoutCountryCode_ReadsItInTheDefaultRegion(string region, bool match) =>
        Assert.Equal(match, Matches(region, "+442079460958", "020 7946 0958"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("n/a")]
    [InlineData("see notes")]
    [InlineData("call reception")]
    [InlineData("+")]
    [InlineData("x221")]
    public void IsSameNumber_WhenStoredIsNotANumber_DoesNotMatch(string? stored) =>
        Assert.False(Matches("US", "+14255550101", stored));

    [Theory]
    [InlineData("Reception", "Reception", true)]
    [InlineData("Reception", "  reception ", true)]
    [InlineData("Reception", "Reception desk", false)]
    [InlineData("555-0101", "555-0101", true)]
    [InlineData("555-0101", "(425) 555-0101", false)]
    public void IsSameNumber_WhenCallerIdUnrecognised_ComparesTrimmedTextIgnoringCase(string callerId, string stored, bool match)
    {
        var caller = PhoneTestServices.Parser("US").Parse(callerId);

        Assert.Equal(CallerIdKind.Unrecognised, caller.Kind);
        Assert.Equal(match, PhoneTestServices.Matcher("US").IsSameNumber(caller, stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("anonymous")]
    [InlineData("Anonymous")]
    [InlineData("+14255550101")]
    public void IsSameNumber_WhenCallerWithheld_NeverMatches(string stored) =>
        Assert.False(PhoneTestServices.Matcher("US").IsSameNumber(CallerId.Withheld, stored));
}
