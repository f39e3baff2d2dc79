using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Testing;

namespace TrayPop.Hosting.Tests;

/// <summary>Junk caller ids: refused with the reason on every channel; nothing opens, no lookup, no pop budget spent.</summary>
public sealed class CallPipelineRefusalTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartAsync(["--TrayPop:Pop:RateLimit:Pops=2"], _time);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    public static TheoryData<string> Junk => ["'or 1 eq 1 or '", "%", "201%", "javascript:alert(1)", "file:///etc/passwd", "https://evil.example/x", "<script>", "O'Bryan"];

    [Theory]
    [MemberData(nameof(Junk))]
    public async Task Http_JunkCallerId_Is400WithTheReason_AndNothingHappens(string junk)
    {
        using var call = await _service.Http.GetAsync(new Uri("/call?callId=j&number=" + Uri.EscapeDataString(junk), UriKind.Relative));
        using var pop = await _service.Http.GetAsync(new Uri("/pop?number=" + Uri.EscapeDataString(junk), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, call.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pop.StatusCode);
        Assert.Contains("number must be a phone number", await call.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_service.Launcher.Opened);
        Assert.Empty(_service.Notifier.Shown);
        Assert.Equal(0, _service.Crm.ApiRequestCount);
    }

    [Theory]
    [MemberData(nameof(Junk))]
    public async Task Line_JunkCallerId_GetsAnErrorLine_AndTheConnectionGoesOn(string junk)
    {
        var replies = await LineClient.SendAsync(_service.LinePort, $"{{\"number\":{JsonSerializer.Serialize(junk)}}}\n{{\"number\":\"+14255550101\"}}\n", 2);

        Assert.Contains("number must be a phone number", replies[0], StringComparison.Ordinal);
        Assert.Contains("\"status\":\"opened\"", replies[1], StringComparison.Ordinal);
        Assert.Single(_service.Launcher.Opened);
    }

    [Fact]
    public async Task JunkFlood_DoesNotSpendThePopBudget_TheRealCallStillOpens()
    {
        foreach (var junk in Junk)
        {
            using var response = await _service.Http.GetAsync(new Uri("/call?number=" + Uri.EscapeDataString(junk), UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var real = await _service.Http.GetAsync(new Uri("/call?number=%2B14255550101&callId=real", UriKind.Relative));

        Assert.Contains("\"status\":\"opened\"", await real.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(TestSeed.JaneId, _service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sip:alice@pbx.example")]
    [InlineData("\"Alice\" <sip:alice@10.1.2.3>")]
    [InlineData("<sip:pbx.example.com>")]
    [InlineData("tel:")]
    [InlineData("anonymous")]
    public async Task AddressWithoutANumber_CountsAsWithheld_NotJunk(string callerId)
    {
        using var response = await _service.Http.GetAsync(new Uri("/call?number=" + Uri.EscapeDataString(callerId), UriKind.Relative));
        var replies = await LineClient.SendAsync(_service.LinePort, $"{{\"number\":{JsonSerializer.Serialize(callerId)},\"callId\":\"w\"}}\n", 1);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("\"outcome\":\"withheld\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"withheld\"", replies[0], StringComparison.Ordinal);
        Assert.Empty(_service.Launcher.Opened);
        Assert.Empty(_service.Notifier.Shown);
        Assert.Equal(0, _service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task CallId_KnownWithAnotherNumber_IsRefused_AndTheRealCallOpensItsOwnRecord()
    {
        using var ring = await _service.Http.GetAsync(new Uri("/call?number=%2B14255550101&phase=ring&callId=c1", UriKind.Relative));
        using var hijackRing = await _service.Http.GetAsync(new Uri("/call?number=%2B441134960123&phase=ring&callId=c1", UriKind.Relative));
        using var hijackAnswer = await _service.Http.GetAsync(new Uri("/call?number=%2B441134960123&phase=answer&callId=c1", UriKind.Relative));
        using var hijackEnd = await _service.Http.GetAsync(new Uri("/call?number=%2B441134960123&phase=end&callId=c1", UriKind.Relative));
        using var answer = await _service.Http.GetAsync(new Uri("/call?number=4255550101&phase=answer&callId=c1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, ring.StatusCode);
        Assert.All([hijackRing, hijackAnswer, hijackEnd], response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.Contains("already known with another number", await hijackAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"status\":\"opened\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(TestSeed.JaneId, _service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain(_service.Launcher.Opened, url => url.AbsoluteUri.Contains(TestSeed.LeadId, StringComparison.Ordinal));
        Assert.Equal(1, _service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Line_CallIdKnownWithAnotherNumber_GetsAnErrorLine()
    {
        var replies = await LineClient.SendAsync(_service.LinePort,
            "{\"number\":\"+14255550101\",\"phase\":\"ring\",\"callId\":\"c2\"}\n{\"number\":\"+441134960123\",\"phase\":\"answer\",\"callId\":\"c2\"}\n", 2);

        Assert.Contains("\"status\":\"resolved\"", replies[0], StringComparison.Ordinal);
        Assert.Contains("already known with another number", replies[1], StringComparison.Ordinal);
        Assert.Empty(_service.Launcher.Opened);
    }

    [Fact]
    public async Task RingFloodOverManyConnections_IsShed_AndTheRealAnswerStillOpensItsRecord()
    {
        // 20 connections × 10 ring events, each another number: far past the budget of 10 lookups a second (time stands still).
        var floods = Enumerable.Range(0, 20).Select(c => LineClient.SendAsync(_service.LinePort,
            string.Concat(Enumerable.Range(0, 10).Select(i => $"{{\"number\":\"+1206555{1000 + (c * 10) + i}\",\"phase\":\"ring\",\"callId\":\"f{c}-{i}\"}}\n")), 10));
        var replies = (await Task.WhenAll(floods)).SelectMany(r => r).ToList();

        using var answer = await _service.Http.GetAsync(new Uri("/call?number=%2B14255550101&phase=answer&callId=real", UriKind.Relative));

        Assert.Contains(replies, reply => reply.Contains("CRM lookups per second", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Contains(TestSeed.JaneId, _service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
        Assert.InRange(_service.Crm.ApiRequestCount, 1, 10);
        Assert.Equal(5, replies.Count(reply => reply.Contains("\"status\":\"resolved\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Http_PastTheLookupBudget_Is429_WithoutACrmRequest()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await _service.Http.GetAsync(new Uri($"/call?number=%2B1206555{2000 + i}&callId=b{i}", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(10, statuses.Count(status => status == HttpStatusCode.Accepted));
        Assert.Equal(2, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.Equal(10, _service.Crm.ApiRequestCount);
    }
}
