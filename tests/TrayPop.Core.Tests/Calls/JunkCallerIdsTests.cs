using TrayPop.Core.Calls;
using TrayPop.Testing;

namespace TrayPop.Core.Tests.Calls;

public sealed class JunkCallerIdsTests
{
    [Theory]
    [InlineData("'or 1 eq 1 or '")]
    [InlineData("%")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://evil.example/?q=1")]
    [InlineData("Reception")]
    [InlineData("4255550101'")]
    [InlineData("pbx.example.com")]
    [InlineData("<pbx.example.com>")]
    [InlineData("mailto:alice@example.com")]
    public void IsJunk_TextThatIsNoNumber_IsJunk(string raw) =>
        Assert.True(JunkCallerIds.IsJunk(raw, PhoneTestServices.Parser("US").Parse(raw)));

    [Theory]
    [InlineData("+14255550101")]
    [InlineData("201")]
    [InlineData("+999 1234 5678")]
    [InlineData("sip:201@pbx.example")]
    [InlineData("sip:alice@pbx.example")]
    [InlineData("<sip:pbx.example.com>")]
    [InlineData("tel:")]
    [InlineData("anonymous")]
    [InlineData("")]
    public void IsJunk_NumbersAddressesAndWithheld_AreNot(string raw) =>
        Assert.False(JunkCallerIds.IsJunk(raw, PhoneTestServices.Parser("US").Parse(raw)));
}
