using System.Text;
using TrayPop.Core.Calls;
using TrayPop.Intake;
using TrayPop.Intake.Http;

namespace TrayPop.Intake.Tests;

public class CallEventDecoderTests
{
    [Fact]
    public void FromQuery_WithAllFields_ReturnsEvent()
    {
        var query = new UrlEncodedValues(new Dictionary<string, string>
        {
            ["number"] = "+14255550101", ["type"] = "outbound", ["phase"] = "answer", ["callId"] = "c-1", ["extension"] = "201", ["name"] = "Jane",
        });

        var result = CallEventDecoder.FromQuery(query);

        Assert.Equal(new CallEvent("+14255550101", CallType.Outbound, CallPhase.Answer, "c-1", "201", "Jane"), result.Event);
    }

    [Fact]
    public void FromQuery_WithoutTypeOrPhase_IsInboundActNow()
    {
        var result = CallEventDecoder.FromQuery(new UrlEncodedValues(new Dictionary<string, string> { ["number"] = "4255550101" }));

        Assert.Equal(CallType.Inbound, result.Event!.Type);
        Assert.Equal(CallPhase.Now, result.Event.Phase);
    }

    [Theory]
    [InlineData("INBOUND", CallType.Inbound)]
    [InlineData("incoming", CallType.Inbound)]
    [InlineData("Outgoing", CallType.Outbound)]
    [InlineData("internal", CallType.Internal)]
    [InlineData("dialer", CallType.Predictive)]
    [InlineData("predictive", CallType.Predictive)]
    public void Validate_AcceptsTypeNamesAndAliases(string type, object expected)
    {
        var result = CallEventDecoder.Validate(new CallEventFields("4255550101", type, null, null, null, null));

        Assert.Equal((CallType)expected, result.Event!.Type);
    }

    [Theory]
    [InlineData("ringing", CallPhase.Ring)]
    [InlineData("answer", CallPhase.Answer)]
    [InlineData("hangup", CallPhase.End)]
    [InlineData("", CallPhase.Now)]
    public void Validate_AcceptsPhaseNamesAndAliases(string phase, object expected)
    {
        var result = CallEventDecoder.Validate(new CallEventFields("4255550101", null, phase, null, null, null));

        Assert.Equal((CallPhase)expected, result.Event!.Phase);
    }

    [Theory]
    [InlineData(null, null, null, "number is required")]
    [InlineData("  ", null, null, "number is required")]
    [InlineData("4255550101", "sideways", null, "type must be")]
    [InlineData("4255550101", null, "later", "phase must be")]
    public void Validate_WhenFieldIsBad_SaysWhich(string? number, string? type, string? phase, string expected)
    {
        var result = CallEventDecoder.Validate(new CallEventFields(number, type, phase, null, null, null));

        Assert.Null(result.Event);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenNumberIsTooLong_RejectsIt()
    {
        var result = CallEventDecoder.Validate(new CallEventFields(new string('1', CallEventDecoder.MaxNumberLength + 1), null, null, null, null, null));

        Assert.Contains("longer than 256", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenCallIdHasControlCharacters_RejectsIt()
    {
        var result = CallEventDecoder.Validate(new CallEventFields("4255550101", null, null, "a\nb", null, null));

        Assert.Contains("callId contains control characters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_ReadsFieldsCaseInsensitivelyAndNumbersAsText()
    {
        var result = CallEventDecoder.FromJson("""{"Number":4255550101,"TYPE":"outbound","callid":"x"}"""u8);

        Assert.Equal(new CallEvent("4255550101", CallType.Outbound, CallPhase.Now, "x"), result.Event);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"number\":", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("\"4255550101\"", "must be a JSON object")]
    [InlineData("{\"number\":{\"a\":1}}", "every field must be a string")]
    [InlineData("{\"number\":[\"1\"]}", "every field must be a string")]
    [InlineData("{\"type\":\"inbound\"}", "number is required")]
    [InlineData("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}", "not valid JSON")]
    public void FromJson_WhenBodyIsMalformed_SaysWhy(string body, string expected)
    {
        var result = CallEventDecoder.FromJson(Encoding.UTF8.GetBytes(body));

        Assert.Null(result.Event);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
