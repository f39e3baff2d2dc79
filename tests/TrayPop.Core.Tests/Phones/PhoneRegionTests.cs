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

    [Fact]
    public void Explain_WhenConfigured_SaysTheSetting() =>
        Assert.Equal(new EffectiveRegion("GB", RegionSource.Setting), PhoneRegion.Explain("gb", CultureInfo.GetCultureInfo("en-AU")));

    [Fact]
    public void Explain_WhenNotConfigured_SaysTheOsRegion() =>
        Assert.Equal(new EffectiveRegion("AU", RegionSource.OperatingSystem), PhoneRegion.Explain(null, CultureInfo.GetCultureInfo("en-AU")));

    [Fact]
    public void Explain_WhenTheCultureIsInvariant_FallsBackToUs_AndSaysWhy()
    {
        var region = PhoneRegion.Explain("", CultureInfo.InvariantCulture);

        Assert.Equal(("US", RegionSource.Fallback), (region.Region, region.Source));
        Assert.Equal("the OS region is invariant (C/POSIX locale, or DOTNET_SYSTEM_GLOBALIZATION_INVARIANT)", region.Reason);
        Assert.Contains("set TrayPop:Phone:DefaultRegion", region.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WhenTheSettingIsNoRegion_NamesTheSettingInTheReason()
    {
        var region = PhoneRegion.Explain("XX", CultureInfo.InvariantCulture);

        Assert.Equal(RegionSource.Fallback, region.Source);
        Assert.StartsWith("TrayPop:Phone:DefaultRegion 'XX' is no region with a numbering plan, and the OS region is invariant", region.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WhenTheCultureNamesNoRegion_SaysSo() =>
        Assert.Equal("the OS culture 'en' names no region", PhoneRegion.Explain(null, CultureInfo.GetCultureInfo("en")).Reason);

    [Fact]
    public void Describe_NamesTheSource()
    {
        Assert.Equal("GB (from TrayPop:Phone:DefaultRegion)", new EffectiveRegion("GB", RegionSource.Setting).Describe());
        Assert.Equal("AU (from the OS region; TrayPop:Phone:DefaultRegion is not set)", new EffectiveRegion("AU", RegionSource.OperatingSystem).Describe());
    }
}
