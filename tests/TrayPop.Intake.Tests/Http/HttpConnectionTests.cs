using System.Text.Json;
using TrayPop.Testing;

namespace TrayPop.Intake.Tests.Http;

/// <summary>HTTP/1.1 as softphones and scripts speak it to the intake, byte for byte over a bare socket.</summary>
public sealed class HttpConnectionTests : IAsyncLifetime
{
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private string Host => $"Host: 127.0.0.1:{_service.Port}\r\n";

    private string Call(string callId, string version = "HTTP/1.1", string extra = "") =>
        $"GET /call?number=%2B14255550101&callId={callId} {version}\r\n{Host}{extra}\r\n";

    [Fact]
    public async Task KeepAlive_TwoRequestsInTurn_AreAnsweredOnOneConnection()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync(Call("k1"));
        var first = await connection.ReadResponseAsync();
        await connection.SendAsync(Call("k2"));
        var second = await connection.ReadResponseAsync();

        Assert.Equal(202, first!.Status);
        Assert.Equal("keep-alive", first.Header("Connection"));
        Assert.Equal(202, second!.Status);
        Assert.Equal(2, _service.Launcher.Opened.Count);
    }

    [Fact]
    public async Task Pipelining_RequestsSentTogether_AreAnsweredInOrder()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync($"GET /health HTTP/1.1\r\n{Host}\r\n" + Call("p1") + $"GET /nowhere HTTP/1.1\r\n{Host}Connection: close\r\n\r\n");

        Assert.Equal(200, (await connection.ReadResponseAsync())!.Status);
        var call = await connection.ReadResponseAsync();
        Assert.Equal(202, call!.Status);
        Assert.Contains("\"callId\":\"p1\"", call.Body, StringComparison.Ordinal);
        var last = await connection.ReadResponseAsync();
        Assert.Equal(404, last!.Status);
        Assert.Equal("close", last.Header("Connection"));
        Assert.True(await connection.ClosesWithoutAnswerAsync());
    }

    [Fact]
    public async Task ConnectionClose_IsHonouredAfterTheAnswer()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync(Call("c1", extra: "Connection: close\r\n"));

        var response = await connection.ReadResponseAsync();
        Assert.Equal(202, response!.Status);
        Assert.Equal("close", response.Header("Connection"));
        Assert.True(await connection.ClosesWithoutAnswerAsync());
    }

    [Fact]
    public async Task Http10_IsAnsweredAndTheConnectionClosed()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync(Call("h10", "HTTP/1.0"));

        var response = await connection.ReadResponseAsync();
        Assert.Equal(202, response!.Status);
        Assert.Equal("close", response.Header("Connection"));
        Assert.True(await connection.ClosesWithoutAnswerAsync());
        Assert.Single(_service.Launcher.Opened);
    }

    [Fact]
    public async Task ChunkedBody_IsDecodedLikeAnyOther()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);
        const string Json = "{\"number\":\"+14255550101\",\"callId\":\"chunked\"}";

        await connection.SendAsync($"POST /call HTTP/1.1\r\n{Host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + $"{10:x}\r\n{Json[..10]}\r\n{Json.Length - 10:x};note=ext\r\n{Json[10..]}\r\n0\r\nX-Trailer: ignored\r\n\r\n");

        var response = await connection.ReadResponseAsync();
        Assert.Equal(202, response!.Status);
        Assert.Contains("\"callId\":\"chunked\"", response.Body, StringComparison.Ordinal);
        Assert.Single(_service.Launcher.Opened);
    }

    [Fact]
    public async Task ChunkedBody_GrowingPastTheLimit_Answers413AndCloses()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);
        var chunk = $"1000\r\n{new string('1', 4096)}\r\n";

        await connection.SendAsync($"POST /call HTTP/1.1\r\n{Host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + string.Concat(Enumerable.Repeat(chunk, 5)) + "0\r\n\r\n");

        var response = await connection.ReadResponseAsync();
        Assert.Equal(413, response!.Status);
        Assert.Equal("the body is larger than 16384 bytes", JsonDocument.Parse(response.Body).RootElement.GetProperty("error").GetString());
        Assert.Equal("close", response.Header("Connection"));
        Assert.Empty(_service.Launcher.Opened);
    }

    [Fact]
    public async Task ContentLengthAndChunkedTogether_Answers400()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync($"POST /call HTTP/1.1\r\n{Host}Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

        Assert.Equal(400, (await connection.ReadResponseAsync())!.Status);
        Assert.True(await connection.ClosesWithoutAnswerAsync());
    }

    [Fact]
    public async Task ExpectContinue_Gets100BeforeTheBodyIsSent()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);
        const string Json = "{\"number\":\"+14255550101\",\"callId\":\"continue\"}";

        await connection.SendAsync($"POST /call HTTP/1.1\r\n{Host}Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: {Json.Length}\r\n\r\n");
        var interim = await connection.ReadResponseAsync();
        await connection.SendAsync(Json);
        var final = await connection.ReadResponseAsync();

        Assert.Equal(100, interim!.Status);
        Assert.Equal(202, final!.Status);
        Assert.Single(_service.Launcher.Opened);
    }

    [Fact]
    public async Task ExpectContinue_WithABodyTooLarge_Gets413Without100()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync($"POST /call HTTP/1.1\r\n{Host}Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 99999\r\n\r\n");

        Assert.Equal(413, (await connection.ReadResponseAsync())!.Status);
    }

    [Fact]
    public async Task GetWithABody_TheBodyIsSkippedAndTheNextRequestServed()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync($"GET /health HTTP/1.1\r\n{Host}Content-Length: 5\r\n\r\nhello" + Call("after-body"));

        Assert.Equal(200, (await connection.ReadResponseAsync())!.Status);
        Assert.Equal(202, (await connection.ReadResponseAsync())!.Status);
    }

    [Fact]
    public async Task MissingHostOnHttp11_Answers400AndCloses()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync("GET /call?number=%2B14255550101 HTTP/1.1\r\n\r\n");

        var response = await connection.ReadResponseAsync();
        Assert.Equal(400, response!.Status);
        Assert.Equal("close", response.Header("Connection"));
        Assert.True(await connection.ClosesWithoutAnswerAsync());
        Assert.Empty(_service.Launcher.Opened);
    }

    [Theory]
    [InlineData("GET http://127.0.0.1:{port}/health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n", 200)]
    [InlineData("GET http://127.0.0.1:{port}/health HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n", 400)]
    [InlineData("GET /health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: 127.0.0.1:{port}\r\n\r\n", 400)]
    [InlineData("GET /health HTTP/1.1\r\nHost: 127.0.0.1 :{port}\r\n\r\n", 400)]
    [InlineData("GET /health HTTP/1.0\r\n\r\n", 403)]
    [InlineData("GET /health HTTP/1.1\r\nHost: [::1]:{port}\r\n\r\n", 200)]
    [InlineData("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n", 403)]
    public async Task HostField_IsCheckedAsKestrelAndTheGuardDid(string request, int status)
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync(request.Replace("{port}", _service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(status, (await connection.ReadResponseAsync())!.Status);
    }

    [Theory]
    [InlineData("PUT", "/call", "GET, POST")]
    [InlineData("POST", "/pop", "GET")]
    [InlineData("DELETE", "/health", "GET")]
    public async Task KnownPathWithAnotherMethod_Answers405WithAllow(string method, string path, string allow)
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync($"{method} {path} HTTP/1.1\r\n{Host}Content-Length: 0\r\n\r\n");

        var response = await connection.ReadResponseAsync();
        Assert.Equal(405, response!.Status);
        Assert.Equal(allow, response.Header("Allow"));
    }

    [Fact]
    public async Task Replies_CarryLengthTypeAndConnection_AndNoServerHeader()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync(Call("headers"));

        var response = await connection.ReadResponseAsync();
        Assert.Equal("application/json", response!.Header("Content-Type"));
        Assert.Equal(response.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("Content-Length"));
        Assert.NotNull(response.Header("Connection"));
        Assert.Null(response.Header("Server"));
    }

    [Fact]
    public async Task RequestLineTooLong_Answers414()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync($"GET /call?number={new string('1', 9000)} HTTP/1.1\r\n{Host}\r\n");

        Assert.Equal(414, (await connection.ReadResponseAsync())!.Status);
        Assert.True(await connection.ClosesWithoutAnswerAsync());
    }

    [Fact]
    public async Task HeadersTooLarge_Answers431()
    {
        await using var connection = await RawHttpConnection.OpenAsync(_service.Port);

        await connection.SendAsync($"GET /health HTTP/1.1\r\n{Host}X-Big: {new string('a', 17 * 1024)}\r\n\r\n");

        Assert.Equal(431, (await connection.ReadResponseAsync())!.Status);
        Assert.True(await connection.ClosesWithoutAnswerAsync());
    }

    [Theory]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001hello\r\n\r\n")]
    [InlineData("GET /health\r\n\r\n")]
    [InlineData("GET /health HTTP/1.1\r\nNo colon here\r\n\r\n")]
    [InlineData("GET /health HTTP/1.1\r\nFolded: a\r\n b\r\n\r\n")]
    public async Task Garbage_Answers400AndTheNextConnectionIsServed(string garbage)
    {
        await using (var bad = await RawHttpConnection.OpenAsync(_service.Port))
        {
            await bad.SendAsync(garbage);

            Assert.Equal(400, (await bad.ReadResponseAsync())!.Status);
            Assert.True(await bad.ClosesWithoutAnswerAsync());
        }

        await using var good = await RawHttpConnection.OpenAsync(_service.Port);
        await good.SendAsync(Call("after-garbage"));
        Assert.Equal(202, (await good.ReadResponseAsync())!.Status);
    }
}
