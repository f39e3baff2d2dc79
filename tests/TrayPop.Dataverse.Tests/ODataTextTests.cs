using System.Net;
using TrayPop.Dataverse;

namespace TrayPop.Dataverse.Tests;

public class ODataTextTests
{
    [Theory]
    [InlineData("O'Bryan", "'O''Bryan'")]
    [InlineData("' or 1 eq 1", "''' or 1 eq 1'")]
    [InlineData("", "''")]
    public void Literal_DoublesQuotes(string value, string expected)
    {
        Assert.Equal(expected, ODataText.Literal(value));
    }

    [Theory]
    [InlineData("50%", "50[%]")]
    [InlineData("a_b", "a[_]b")]
    [InlineData("[x]", "[[]x]")]
    [InlineData("a\u0000b\nc", "abc")]
    public void LikeLiteral_BracketsWildcardsAndDropsControls(string value, string expected)
    {
        Assert.Equal(expected, ODataText.LikeLiteral(value));
    }

    [Fact]
    public void ODataError_ReadsCodeAndMessage()
    {
        var error = ODataError.ToException(HttpStatusCode.Forbidden, """{"error":{"code":"0x80040220","message":"No privilege"}}""");

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("0x80040220", error.ErrorCode);
        Assert.Equal("Dataverse answered 403 Forbidden: No privilege", error.Message);
    }

    [Fact]
    public void ODataError_WhenBodyIsNotOData_KeepsTheStatus()
    {
        var error = ODataError.ToException(HttpStatusCode.BadGateway, "<html>proxy</html>");

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("Dataverse answered 502 BadGateway.", error.Message);
    }
}
