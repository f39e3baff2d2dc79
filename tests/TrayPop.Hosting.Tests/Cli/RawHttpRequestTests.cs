using System.Text;
using TrayPop.Core.Calls;
using TrayPop.Hosting.Cli;

namespace TrayPop.Hosting.Tests.Cli;

public class RawHttpRequestTests
{
    [Fact]
    public void ForCall_Number_IsOneGetWithHostAndCloseAndNothingElse()
    {
        var request = Encoding.ASCII.GetString(RawHttpRequest.ForCall(new CallEvent("+14255550101"), 47470, token: null));

        Assert.Equal("GET /call?number=%2B14255550101&type=inbound HTTP/1.1\r\nHost: 127.0.0.1:47470\r\nConnection: close\r\n\r\n", request);
    }

    [Fact]
    public void ForCall_EveryField_GoesInTheQueryInTheIntakesNames()
    {
        var request = Encoding.ASCII.GetString(RawHttpRequest.ForCall(new CallEvent("+1 425", CallType.Predictive, CallPhase.Answer, "call 7/8"), 50001, token: null));

        Assert.StartsWith("GET /call?number=%2B1%20425&type=predictive&phase=answer&callId=call%207%2F8 HTTP/1.1\r\nHost: 127.0.0.1:50001\r\n", request, StringComparison.Ordinal);
    }

    [Fact]
    public void ForCall_WithAToken_SendsItInTheHeader()
    {
        var request = Encoding.ASCII.GetString(RawHttpRequest.ForCall(new CallEvent("100"), 47470, "s3cr3t-Token_~"));

        Assert.Contains("\r\nX-TrayPop-Token: s3cr3t-Token_~\r\n", request, StringComparison.Ordinal);
        Assert.EndsWith("\r\nConnection: close\r\n\r\n", request, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line\r\nX-Other: 1")]
    [InlineData("tab\u0000nul")]
    [InlineData("jalapeño")]
    public void ForCall_WithATokenNoHeaderMayCarry_Throws(string token)
    {
        Assert.Throws<FormatException>(() => RawHttpRequest.ForCall(new CallEvent("100"), 47470, token));
    }

    [Theory]
    [InlineData("+14255550101")]
    [InlineData("+1 425 555 0101")]
    [InlineData("sip:+14255550101@pbx.contoso.local;user=phone")]
    [InlineData("\"Jane Doe\" <sip:4255550101@10.1.2.3>")]
    [InlineData("tel:+44-20-7946-0958;ext=12")]
    [InlineData("Zoë Ülker 日本 😀")]
    [InlineData("a&b=c?d#e%f/g\\h")]
    [InlineData("-._~!*'()[]{}|^`$,:@")]
    [InlineData("lone \ud800 surrogate \udc00")]
    [InlineData("")]
    public void AppendEscaped_WritesWhatUriEscapeDataStringWrites(string value)
    {
        var escaped = new StringBuilder();

        RawHttpRequest.AppendEscaped(escaped, value);

        Assert.Equal(Uri.EscapeDataString(value), escaped.ToString());
    }

    [Fact]
    public void AppendEscaped_EveryCharacterOfTheFirstPlane_AsUriEscapeDataString()
    {
        var all = new StringBuilder();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            all.Append((char)c);
        }

        var escaped = new StringBuilder();
        RawHttpRequest.AppendEscaped(escaped, all.ToString());

        Assert.Equal(Uri.EscapeDataString(all.ToString()), escaped.ToString());
    }

    [Fact]
    public void ForCall_Request_IsPlainAscii()
    {
        var bytes = RawHttpRequest.ForCall(new CallEvent("Zoë <sip:zoë@pbx>", CallId: "ü"), 47470, "token");

        Assert.All(bytes, b => Assert.InRange(b, (byte)0x0A, (byte)0x7E));
    }
}
