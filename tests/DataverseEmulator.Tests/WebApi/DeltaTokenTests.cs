using DataverseEmulator.WebApi;

namespace DataverseEmulator.Tests.WebApi;

public class DeltaTokenTests
{
    [Fact]
    public void ToString_HasDataverseShape_AndParsesBack()
    {
        var token = new DeltaToken(919042, new DateTimeOffset(2017, 8, 22, 8, 10, 44, TimeSpan.Zero));

        Assert.Equal("919042!08/22/2017 08:10:44", token.ToString());
        Assert.True(DeltaToken.TryParse(token.ToString(), out var parsed));
        Assert.Equal(token, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("919042")]
    [InlineData("x!08/22/2017 08:10:44")]
    [InlineData("1!yesterday")]
    public void TryParse_Garbage_IsFalse(string text) => Assert.False(DeltaToken.TryParse(text, out _));
}
