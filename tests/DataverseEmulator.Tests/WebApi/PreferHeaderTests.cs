using DataverseEmulator.WebApi;

namespace DataverseEmulator.Tests.WebApi;

public class PreferHeaderTests
{
    [Fact]
    public void Parse_ReadsEveryPreference()
    {
        var prefer = PreferHeader.Parse("odata.maxpagesize=10, odata.include-annotations=\"*\", return=representation, odata.continue-on-error, odata.track-changes");

        Assert.Equal(10, prefer.MaxPageSizeValue);
        Assert.True(prefer.WantsFormattedValues);
        Assert.True(prefer.ReturnRepresentation);
        Assert.True(prefer.ContinueOnError);
        Assert.True(prefer.TrackChanges);
    }

    [Theory]
    [InlineData("odata.maxpagesize=9000", 5000)]
    [InlineData("odata.maxpagesize=0", null)]
    [InlineData("odata.maxpagesize=abc", null)]
    [InlineData(null, null)]
    public void Parse_PageSize_IsCappedAt5000(string? header, int? expected) =>
        Assert.Equal(expected, PreferHeader.Parse(header).MaxPageSizeValue);

    [Fact]
    public void Parse_OtherAnnotations_AreNotFormattedValues() =>
        Assert.False(PreferHeader.Parse("odata.include-annotations=\"Microsoft.Dynamics.CRM.lookuplogicalname\"").WantsFormattedValues);
}
