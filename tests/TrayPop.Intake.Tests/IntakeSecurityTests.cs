using System.Net;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Testing;

namespace TrayPop.Intake.Tests;

/// <summary>The shared secret and the per-connection event rate, on every channel.</summary>
public sealed class IntakeSecurityTests : IAsyncDisposable
{
    private RunningService? _service;

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    private async Task<RunningService> StartAsync(FakeTimeProvider? time = null, params string[] settings) =>
        _service = await RunningService.StartAsync(settings, time);

    [Fact]
    public async Task Http_WhenTokenIsSet_RefusesRequestsWithoutIt()
    {
        var service = await StartAsync(null, "--TrayPop:Listener:Token=s3cret");

        using var none = await service.Http.GetAsync(new Uri("/call?number=%2B14255550101", UriKind.Relative));
        using var wrong = await service.Http.GetAsync(new Uri("/call?number=%2B14255550101&token=guess", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Empty(service.Launcher.Opened);
    }

    [Fact]
    public async Task Http_WhenTokenIsSet_AcceptsItInHeaderOrQuery()
    {
        var service = await StartAsync(null, "--TrayPop:Listener:Token=s3cret");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/call?number=%2B14255550101&callId=h");
        request.Headers.Add("X-TrayPop-Token", "s3cret");

        using var header = await service.Http.SendAsync(request);
        using var query = await service.Http.GetAsync(new Uri("/call?number=%2B14255550101&callId=q&token=s3cret", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, header.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, query.StatusCode);
        Assert.Equal(2, service.Launcher.Opened.Count);
    }

    [Fact]
    public async Task Http_TokenFromAFile_IsRequiredToo()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "from-file\n");
        var service = await StartAsync(null, $"--TrayPop:Listener:TokenFile={file}");

        using var refused = await service.Http.GetAsync(new Uri("/call?number=%2B14255550101", UriKind.Relative));
        using var accepted = await service.Http.GetAsync(new Uri("/call?number=%2B14255550101&token=from-file", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        File.Delete(file);
    }

    [Fact]
    public async Task Line_WhenTokenIsSet_NeedsTheTokenField()
    {
        var service = await StartAsync(null, "--TrayPop:Listener:Token=s3cret");

        var replies = await LineClient.SendAsync(service.LinePort, "{\"number\":\"+14255550101\"}\n{\"number\":\"+14255550101\",\"token\":\"s3cret\"}\n", 2);

        Assert.Contains("token is missing or wrong", replies[0], StringComparison.Ordinal);
        Assert.Contains("\"status\":\"opened\"", replies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_WhenTokenIsSet_ALineWithoutItIsRefusedBeforeItIsDecoded()
    {
        _service = await RunningService.StartAsync(["--TrayPop:Listener:Token=s3cret"]);

        var replies = await LineClient.SendAsync(_service.LinePort, "{\"number\":12,\"type\":\"sideways\"}\n{\"number\":\"+14255550101\",\"token\":\"s3cret\",\"type\":\"sideways\"}\n", 2);

        Assert.Contains("token is missing or wrong", replies[0], StringComparison.Ordinal);
        Assert.Contains("type must be", replies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_MoreEventsPerSecondThanAllowedOnOneConnection_Get429AndTheServiceGoesOn()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var service = await StartAsync(time, "--TrayPop:Listener:MaxEventsPerSecond=3");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await service.Http.GetAsync(new Uri($"/call?number=%2B14255550101&callId=r{i}", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        using var later = await service.Http.GetAsync(new Uri("/call?number=%2B14255550101&callId=later", UriKind.Relative));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
    }

    [Fact]
    public async Task Line_MoreEventsPerSecondThanAllowed_GetErrorLines()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var service = await StartAsync(time, "--TrayPop:Listener:MaxEventsPerSecond=2");
        var lines = string.Concat(Enumerable.Range(0, 4).Select(i => $"{{\"number\":\"+14255550101\",\"callId\":\"l{i}\"}}\n"));

        var replies = await LineClient.SendAsync(service.LinePort, lines, 4);

        Assert.All(replies.Take(2), reply => Assert.Contains("\"status\"", reply, StringComparison.Ordinal));
        Assert.All(replies.Skip(2), reply => Assert.Contains("more than 2 call events per second", reply, StringComparison.Ordinal));
    }
}
