using DataverseEmulator.Batch;

namespace DataverseEmulator.Tests.Batch;

public class BatchRequestParserTests
{
    [Fact]
    public void Parse_ReadsMethodUrlHeadersAndPreamble()
    {
        const string Body = "preamble to ignore\r\n--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "GET contacts?$top=1 HTTP/1.1\r\nPrefer: odata.maxpagesize=2\r\n\r\n\r\n--b--\r\nepilogue";

        var part = Assert.Single(BatchRequestParser.Parse("multipart/mixed; boundary=b", Body));

        Assert.Equal("GET", part.Method);
        Assert.Equal("contacts?$top=1", part.Url);
        Assert.Equal("odata.maxpagesize=2", part.Headers["prefer"]);
        Assert.Null(part.ChangeSet);
    }

    [Fact]
    public void Parse_PostBody_IsKept()
    {
        const string Body = "--b\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n--cs\r\nContent-Type: application/http\r\n\r\n" +
            "POST phonecalls HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"subject\":\"x\"}\r\n--cs--\r\n--b--\r\n";

        var part = Assert.Single(BatchRequestParser.Parse("multipart/mixed; boundary=b", Body));

        Assert.Equal("{\"subject\":\"x\"}", part.Body);
        Assert.Equal("cs", part.ChangeSet);
    }

    [Fact]
    public void Parse_MissingCloseDelimiter_Throws() =>
        Assert.Throws<BatchFormatException>(() => BatchRequestParser.Parse("multipart/mixed; boundary=b", "--b\r\nContent-Type: application/http\r\n\r\nGET a HTTP/1.1\r\n"));
}
