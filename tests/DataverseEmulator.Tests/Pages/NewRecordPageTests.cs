using DataverseEmulator.Pages;

namespace DataverseEmulator.Tests.Pages;

public class NewRecordPageTests
{
    [Theory]
    [InlineData("telephone1=+14255550100", "telephone1", "+14255550100")]
    [InlineData("telephone1=%2B14255550100", "telephone1", "+14255550100")]
    [InlineData("description=a%3Db%26c", "description", "a=b&c")]
    [InlineData("firstname", "firstname", "")]
    public void ParseExtraQs_DecodesValuesOnce_AndKeepsPlus(string extraqs, string name, string value) =>
        Assert.Equal((name, value), Assert.Single(NewRecordPage.ParseExtraQs(extraqs)));

    [Fact]
    public void ParseExtraQs_SeveralPairs_InOrder() =>
        Assert.Equal(["a", "b"], NewRecordPage.ParseExtraQs("a=1&b=2").Select(p => p.Name));
}
