using System.Globalization;
using TrayPop.Core.Phones;

namespace TrayPop.Core.Tests.Phones;

public sealed class PhoneRegionTests
{
    [Theory]
    [InlineData("GB", "GB")]
    [InlineData("gb", "GB")]
    [InlineData(" de ", "DE")]
    [InlineData("US", "US")]
    public void Resolve_WhenConfiguredRegionIsKnown_UsesIt(string configured, string expected) =>
        Assert.Equal(expected, PhoneRegion.Resolve(configured));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("XX")]
    [InlineData("GBR")]
    public void Resolve_WhenNotConfigured_UsesTheOsRegionOrUs(string? configured)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture.ClearCachedData();

            // The invariant culture's region is "IV", which has no numbering plan.
            Assert.Equal("US", PhoneRegion.Resolve(configured));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentCulture.ClearCachedData();
        }
    }

    [Fact]
    public void Resolve_WhenNotConfiguredAndOsRegionIsKnown_UsesTheOsRegion()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-AU");
            CultureInfo.CurrentCulture.ClearCachedData();

            Assert.Equal("AU", PhoneRegion.Resolve(""));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentCulture.ClearCachedData();
        }
    }
}
