using TrayPop.Core.Phones;

namespace TrayPop.Core.Tests.Phones;

public class PhoneRenderingsTests
{
    [Theory]
    [InlineData("US", "+14255550101", "(425) 555-0101")]
    [InlineData("US", "+14255550101", "425-555-0101")]
    [InlineData("US", "+14255550101", "425.555.0101")]
    [InlineData("US", "+14255550101", "4255550101")]
    [InlineData("US", "+14255550101", "+1 425 555 0101")]
    [InlineData("US", "+14255550101", "+1-425-555-0101")]
    [InlineData("US", "+14255550101", "1-425-555-0101")]
    [InlineData("US", "+14255550101", "+14255550101")]
    [InlineData("GB", "+442079460958", "020 7946 0958")]
    [InlineData("GB", "+442079460958", "+44 20 7946 0958")]
    [InlineData("GB", "+442079460958", "+44 (0)20 7946 0958")]
    [InlineData("GB", "+442079460958", "02079460958")]
    [InlineData("IT", "+442079460958", "00 44 20 7946 0958")]
    [InlineData("IT", "+442079460958", "00442079460958")]
    [InlineData("US", "+442079460958", "011 44 20 7946 0958")]
    [InlineData("AU", "+442079460958", "0011442079460958")]
    [InlineData("GB", "+68522123", "(+685) 22123")]
    public void Of_Number_IncludesTheUsualWaysOfTypingIt(string region, string callerId, string typed)
    {
        var renderings = PhoneRenderings.Of(PhoneTestServices.Parser(region).Parse(callerId), region);

        Assert.Contains(typed, renderings);
    }

    [Fact]
    public void Of_EveryRendering_IsTheSameFullNumber()
    {
        var caller = PhoneTestServices.Parser("GB").Parse("+442079460958");
        var matcher = PhoneTestServices.Matcher("GB");

        Assert.All(PhoneRenderings.Of(caller, "GB"), rendering => Assert.True(matcher.IsSameNumber(caller, rendering), rendering));
    }

    [Fact]
    public void Of_WithheldOrText_IsEmpty()
    {
        Assert.Empty(PhoneRenderings.Of(CallerId.Withheld));
        Assert.Empty(PhoneRenderings.Of(new CallerId(CallerIdKind.Unrecognised, null, null, "Reception")));
    }
}
