using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Tests.Diagnostics;

public class LogPrivacyTests
{
    // The host reads TrayPop:Logging:ShowNumbers, off when unset.
    private static LogPrivacy Privacy(bool? show) => new(show ?? false);

    [Theory]
    [InlineData("Unknown caller +14255550188", "Unknown caller +1425*****88")]
    [InlineData("extraqs=telephone1%3D%252B14255550188", "extraqs=telephone1%3D%252B1425*****88")]
    [InlineData("12345", "1**45")]
    [InlineData("1234", "1234")]
    public void Numbers_ByDefault_MasksEveryLongDigitRun(string text, string expected)
    {
        Assert.Equal(expected, Privacy(null).Numbers(text));
    }

    [Theory]
    [InlineData("Unknown caller +1 425 555 0199", "Unknown caller +1 425 *** **99")]
    [InlineData("Unknown caller +1 425-555-0101.", "Unknown caller +1 425-***-**01.")]
    [InlineData("(425) 555-0101", "(425) 5**-**01")]
    [InlineData("call 425.555.0101 now", "call 425.5**.**01 now")]
    [InlineData("+44 20 7946 0958", "+44 20 **** **58")]
    [InlineData("+33\u00A01\u00A023\u00A045\u00A067\u00A089", "+33\u00A01\u00A02*\u00A0**\u00A0**\u00A089")]
    [InlineData("0044 (0) 20-7946-0958", "0044 (*) **-****-**58")]
    [InlineData("12 34", "12 34")]
    [InlineData("tel:42555", "tel:4**55")]
    [InlineData("sip:4255550101@pbx:5060/x", "sip:4255****01@pbx:5060/x")]
    [InlineData("id=12345678-1234-4234-8234-123456789012 from +14255550188", "id=12345678-1234-4234-8234-123456789012 from +1425*****88")]
    [InlineData("12345678-1234-4234-8234-1234567890123", "1234****-****-****-****-***********23")]
    public void Numbers_ByDefault_MasksNumbersInEveryFormat(string text, string expected)
    {
        Assert.Equal(expected, Privacy(null).Numbers(text));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/main.aspx")]
    [InlineData("http://127.0.0.1:39543/main.aspx?pagetype=entityrecord")]
    [InlineData("https://crm.contoso.com:44300/api/data/v9.2/")]
    [InlineData("on 2 May, 3 calls")]
    [InlineData("main.aspx?etn=contact&id=12345678-1234-4234-8234-123456789012")]
    [InlineData("id {00000000-0000-0000-0000-000000000001} opened")]
    public void Numbers_LeavesHostsShortCountsAndRecordIdsAlone(string text)
    {
        Assert.Equal(text, Privacy(null).Numbers(text));
    }

    [Fact]
    public void Numbers_WhenShowNumbersIsOn_LeavesThemAlone()
    {
        Assert.Equal("+1 425 555 0188", Privacy(true).Numbers("+1 425 555 0188"));
    }

    [Fact]
    public void Outside_MasksThenEscapes_SoEscapesAreNotMistakenForDigits()
    {
        Assert.Equal("Jane\\u000a+1 425 *** **99", Privacy(null).Outside("Jane\n+1 425 555 0199"));
    }
}
