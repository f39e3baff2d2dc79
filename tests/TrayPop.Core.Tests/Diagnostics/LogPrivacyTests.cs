using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Tests.Diagnostics;

public class LogPrivacyTests
{
    // The host reads TrayPop:Logging:ShowNumbers, off when unset.
    private static LogPrivacy Privacy(bool? show) => new(show ?? false);

    [Theory]
    [InlineData("Unknown caller +1 425-555-0101", "Unknown caller +1 425-555-0101")]
    [InlineData("Unknown caller +14255550188", "Unknown caller +1425*****88")]
    [InlineData("extraqs=telephone1%3D%252B14255550188", "extraqs=telephone1%3D%252B1425*****88")]
    [InlineData("12345", "1**45")]
    [InlineData("1234", "1234")]
    public void Numbers_ByDefault_MasksEveryLongDigitRun(string text, string expected)
    {
        Assert.Equal(expected, Privacy(null).Numbers(text));
    }

    [Fact]
    public void Numbers_WhenShowNumbersIsOn_LeavesThemAlone()
    {
        Assert.Equal("+14255550188", Privacy(true).Numbers("+14255550188"));
    }
}
