using System.Net;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Batch;

namespace TrayPop.Dataverse.Tests.Batch;

public class BatchResponseReaderTests
{
    private const string Answer =
        "--batchresponse_1\r\n" +
        "Content-Type: application/http\r\n" +
        "Content-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 200 OK\r\n" +
        "Content-Type: application/json; odata.metadata=minimal\r\n" +
        "OData-Version: 4.0\r\n\r\n" +
        "{\"value\":[{\"contactid\":\"1\"}]}\r\n" +
        "--batchresponse_1\r\n" +
        "Content-Type: application/http\r\n" +
        "Content-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 400 Bad Request\r\n" +
        "Content-Type: application/json\r\n\r\n" +
        "{\"error\":{\"code\":\"0x80060888\",\"message\":\"bad\"}}\r\n" +
        "--batchresponse_1--\r\n";

    [Fact]
    public void Read_ReturnsEachPartsStatusAndBody()
    {
        var parts = BatchResponseReader.Read("batchresponse_1", Answer);

        Assert.Equal(2, parts.Count);
        Assert.Equal(new BatchPart(HttpStatusCode.OK, "{\"value\":[{\"contactid\":\"1\"}]}"), parts[0]);
        Assert.Equal(HttpStatusCode.BadRequest, parts[1].Status);
    }

    [Fact]
    public void Read_AcceptsBareLineFeeds()
    {
        var parts = BatchResponseReader.Read("batchresponse_1", Answer.Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.Equal(2, parts.Count);
        Assert.Equal("{\"value\":[{\"contactid\":\"1\"}]}", parts[0].Body);
    }

    [Fact]
    public void Read_WithoutClosingBoundary_Throws()
    {
        var truncated = Answer[..Answer.LastIndexOf("--batchresponse_1--", StringComparison.Ordinal)];

        Assert.Throws<DataverseException>(() => BatchResponseReader.Read("batchresponse_1", truncated));
    }

    [Fact]
    public void Write_ProducesOneApplicationHttpPartPerRequest()
    {
        var body = BatchRequestWriter.Write("batch_x", new Uri("https://org.example/api/data/v9.2/"), ["contacts?$top=1", "accounts?$top=1"]);

        Assert.Equal(
            "--batch_x\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "GET https://org.example/api/data/v9.2/contacts?$top=1 HTTP/1.1\r\nAccept: application/json\r\n\r\n" +
            "--batch_x\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "GET https://org.example/api/data/v9.2/accounts?$top=1 HTTP/1.1\r\nAccept: application/json\r\n\r\n" +
            "--batch_x--\r\n",
            body);
    }
}
