using System.Text;
using TrayPop.Hosting.Cli;

namespace TrayPop.Hosting.Tests.Cli;

public class RawHttpResponseTests
{
    private const string Json = "{\"status\":\"popped\",\"name\":\"Zoë\"}";

    private static TrayPop.Hosting.Cli.RawHttpResponse? Parse(string response, bool ended = false) =>
        TrayPop.Hosting.Cli.RawHttpResponse.TryParse(Encoding.UTF8.GetBytes(response), ended);

    [Fact]
    public void TryParse_ContentLength_ReadsThatManyBytes()
    {
        var length = Encoding.UTF8.GetByteCount(Json);

        var response = Parse($"HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n{Json}");

        Assert.Equal(new TrayPop.Hosting.Cli.RawHttpResponse(202, Json), response);
    }

    [Fact]
    public void TryParse_Chunked_JoinsTheChunks()
    {
        var response = Parse("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\n{\"err\r\n9\r\nor\":\"no\"}\r\n0\r\n\r\n");

        Assert.Equal(new TrayPop.Hosting.Cli.RawHttpResponse(400, "{\"error\":\"no\"}"), response);
    }

    [Fact]
    public void TryParse_NoFraming_ReadsUntilTheConnectionCloses()
    {
        var head = "HTTP/1.1 202 Accepted\r\nConnection: close\r\n\r\n{\"status\":";

        Assert.Null(Parse(head));
        Assert.Equal(new TrayPop.Hosting.Cli.RawHttpResponse(202, "{\"status\":"), Parse(head, ended: true));
    }

    [Theory]
    [InlineData("HTTP/1.1 202 Accep")]
    [InlineData("HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\n\r\n{\"a\":")]
    [InlineData("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n")]
    public void TryParse_PartOfAResponse_WaitsForMore(string part)
    {
        Assert.Null(Parse(part));
    }

    [Theory]
    [InlineData("HTTP/1.1 202 Accep")]
    [InlineData("HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\n\r\n{\"a\":")]
    [InlineData("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n")]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n\r\n")]
    [InlineData("HTTP/1.1 2020 Accepted\r\n\r\n")]
    [InlineData("HTTP/1.1 202 Accepted\r\nno colon here\r\n\r\n")]
    public void TryParse_WhatIsNotACompleteResponse_WhenTheConnectionHasClosed_Throws(string part)
    {
        Assert.Throws<InvalidDataException>(() => Parse(part, ended: true));
    }

    [Fact]
    public void TryParse_InterimContinue_IsSkipped()
    {
        var response = Parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}");

        Assert.Equal(new TrayPop.Hosting.Cli.RawHttpResponse(401, "{}"), response);
    }

    [Fact]
    public void TryParse_NoContent_HasAnEmptyBody()
    {
        Assert.Equal(new TrayPop.Hosting.Cli.RawHttpResponse(204, ""), Parse("HTTP/1.1 204 No Content\r\n\r\n"));
    }

    [Fact]
    public void TryParse_ByteOrderMark_IsNotPartOfTheText()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{}")).ToArray();
        var head = Encoding.ASCII.GetBytes("HTTP/1.1 202 Accepted\r\nContent-Length: 5\r\n\r\n");

        Assert.Equal(new TrayPop.Hosting.Cli.RawHttpResponse(202, "{}"), TrayPop.Hosting.Cli.RawHttpResponse.TryParse([.. head, .. body], ended: false));
    }
}
