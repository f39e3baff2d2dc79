using System.Net;
using System.Text;
using DataverseEmulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DataverseEmulator.Tests.Faults;

public class FaultInjectionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync(new EmulatorSettings { TimeProvider = _time });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Latency_HoldsTheAnswerUntilTheClockMoves()
    {
        var waiting = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        _emulator.Server.Faults.DelayStarted += (_, delay) => waiting.TrySetResult(delay);
        _emulator.Server.Faults.DelayNext(TimeSpan.FromSeconds(30));

        var pending = _emulator.GetAsync("api/data/v9.2/WhoAmI");
        Assert.Equal(TimeSpan.FromSeconds(30), await waiting.Task);
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(30));
        using var response = await pending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dispose_WhileARequestWaitsOnLatency_DoesNotWaitItOut()
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _emulator.Server.Faults.DelayStarted += (_, _) => waiting.TrySetResult();
        _emulator.Server.Faults.DelayNext(TimeSpan.FromHours(1));

        var pending = _emulator.GetAsync("api/data/v9.2/WhoAmI");
        await waiting.Task;
        await _emulator.Server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task Throttle_Is429WithRetryAfterAndServiceProtectionError()
    {
        _emulator.Server.Faults.ThrottleNext(TimeSpan.FromSeconds(7));

        using var throttled = await _emulator.GetAsync("api/data/v9.2/WhoAmI");
        using var next = await _emulator.GetAsync("api/data/v9.2/WhoAmI");

        var message = await Json.AssertErrorAsync(throttled, HttpStatusCode.TooManyRequests);
        Assert.Equal("Number of requests exceeded the limit of 6000 over time window of 300 seconds.", message);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter!.Delta);
        Assert.Equal("0x80072322", (await Json.ReadAsync(throttled)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(502)]
    public async Task Status_AnswersThatStatusWithODataError(int status)
    {
        _emulator.Server.Faults.FailNext(status);

        using var response = await _emulator.GetAsync("api/data/v9.2/contacts");

        await Json.AssertErrorAsync(response, (HttpStatusCode)status);
    }

    [Fact]
    public async Task ServiceUnavailable_WithRetryAfter()
    {
        _emulator.Server.Faults.Enqueue(EmulatorFault.ServiceUnavailable(TimeSpan.FromSeconds(2)));

        using var response = await _emulator.GetAsync("api/data/v9.2/contacts");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task Drop_AbortsTheConnection()
    {
        _emulator.Server.Faults.DropNext();

        await Assert.ThrowsAsync<HttpRequestException>(() => _emulator.GetAsync("api/data/v9.2/WhoAmI"));
        using var next = await _emulator.GetAsync("api/data/v9.2/WhoAmI");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Queue_AppliesFaultsInOrderThenStops()
    {
        _emulator.Server.Faults.FailNext(500, count: 2);
        _emulator.Server.Faults.ThrottleNext(TimeSpan.FromSeconds(1));

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await _emulator.GetAsync("api/data/v9.2/WhoAmI");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([500, 500, 429, 200], statuses);
    }

    [Fact]
    public async Task Keep_AppliesUntilCleared()
    {
        _emulator.Server.Faults.Keep(EmulatorFault.ServiceUnavailable());

        using var first = await _emulator.GetAsync("api/data/v9.2/WhoAmI");
        using var second = await _emulator.GetAsync("api/data/v9.2/WhoAmI");
        _emulator.Server.Faults.Clear();
        using var third = await _emulator.GetAsync("api/data/v9.2/WhoAmI");

        Assert.Equal([503, 503, 200], new[] { first, second, third }.Select(r => (int)r.StatusCode));
    }

    [Fact]
    public async Task KeepWithShare_FailsThatShareOfRequests_Evenly()
    {
        using var posted = await _emulator.Client.PostAsync("_emulator/faults", new StringContent(
            """{"kind":"servererror","keep":true,"share":0.3}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var failed = new List<bool>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await _emulator.GetAsync("api/data/v9.2/WhoAmI");
            failed.Add(response.StatusCode == HttpStatusCode.InternalServerError);
        }

        Assert.Equal(6, failed.Count(f => f));
        Assert.DoesNotContain(failed.Zip(failed.Skip(1)), pair => pair.First && pair.Second);
        Assert.Equal(0.3, (await _emulator.GetJsonAsync("_emulator/faults")).GetProperty("kept").GetProperty("share").GetDouble());
    }

    [Theory]
    [InlineData("""{"kind":"servererror","share":0.3}""")]
    [InlineData("""{"kind":"servererror","keep":true,"share":1.5}""")]
    [InlineData("""{"kind":"servererror","keep":true,"share":0.3,"part":2}""")]
    public async Task Share_OnlyForAKeptUntargetedFault_Else400(string json)
    {
        using var posted = await _emulator.Client.PostAsync("_emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }

    [Fact]
    public async Task FaultWithDelay_WaitsThenFails()
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _emulator.Server.Faults.DelayStarted += (_, _) => waiting.TrySetResult();
        _emulator.Server.Faults.Enqueue(EmulatorFault.ServerError().After(TimeSpan.FromSeconds(5)));

        var pending = _emulator.GetAsync("api/data/v9.2/WhoAmI");
        await waiting.Task;
        _time.Advance(TimeSpan.FromSeconds(5));
        using var response = await pending;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Faults_DoNotTouchPagesOrTheTokenEndpoint()
    {
        _emulator.Server.Faults.Keep(EmulatorFault.Status(500));

        using var page = await _emulator.GetAsync("main.aspx?pagetype=search&searchText=x");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Counters_CountEveryApiRequestIncludingFaulted_AndReset()
    {
        _emulator.Server.Faults.FailNext(500);
        using (await _emulator.GetAsync("api/data/v9.2/contacts?$select=fullname&$top=1"))
        using (await _emulator.GetAsync("api/data/v9.2/WhoAmI"))
        using (await _emulator.GetAsync("main.aspx?pagetype=search&searchText=x"))
        {
        }

        Assert.Equal(2, _emulator.Server.ApiRequestCount);
        Assert.Equal(["GET /api/data/v9.2/contacts?$select=fullname&$top=1", "GET /api/data/v9.2/WhoAmI"], _emulator.Server.ApiRequests);
        _emulator.Server.ResetCounters();
        Assert.Equal(0, _emulator.Server.ApiRequestCount);
        Assert.Empty(_emulator.Server.ApiRequests);
    }

    [Fact]
    public async Task HttpControl_PostQueuesFaults_GetShowsThem_DeleteClears()
    {
        using var posted = await _emulator.Client.PostAsync("_emulator/faults", new StringContent(
            """[{"kind":"throttle","retryAfterSeconds":3,"count":2},{"kind":"status","status":500,"keep":true}]""", Encoding.UTF8, "application/json"));
        var state = await Json.ReadAsync(posted);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(2, state.GetProperty("pending").GetArrayLength());
        Assert.Equal("throttle", state.GetProperty("pending")[0].GetProperty("kind").GetString());
        Assert.Equal(3, state.GetProperty("pending")[0].GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal(500, state.GetProperty("kept").GetProperty("status").GetInt32());

        using var throttled = await _emulator.GetAsync("api/data/v9.2/WhoAmI");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);

        using var deleted = await _emulator.Client.DeleteAsync("_emulator/faults");
        var after = await _emulator.GetJsonAsync("_emulator/faults");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, after.GetProperty("pending").GetArrayLength());
        using var ok = await _emulator.GetAsync("api/data/v9.2/WhoAmI");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [InlineData("""{"kind":"latency","delayMs":1500}""", "Latency")]
    [InlineData("""{"kind":"drop"}""", "DropConnection")]
    [InlineData("""{"kind":"servererror"}""", "Status")]
    [InlineData("""{"kind":"unavailable","retryAfterSeconds":2}""", "Status")]
    public async Task HttpControl_AcceptsEachKind(string json, string kind)
    {
        using var posted = await _emulator.Client.PostAsync("_emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(kind, Assert.Single(_emulator.Server.Faults.Pending).Kind.ToString());
    }

    [Theory]
    [InlineData("""{"kind":"gremlins"}""")]
    [InlineData("""{"count":1}""")]
    [InlineData("not json")]
    [InlineData("""{"kind":"status","status":200}""")]
    public async Task HttpControl_BadFault_Is400(string json)
    {
        using var posted = await _emulator.Client.PostAsync("_emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Empty(_emulator.Server.Faults.Pending);
    }

    [Fact]
    public async Task HttpControl_RequestsLog_ListsAndResets()
    {
        using (await _emulator.GetAsync("api/data/v9.2/WhoAmI"))
        {
        }

        var log = await _emulator.GetJsonAsync("_emulator/requests");
        using var reset = await _emulator.Client.DeleteAsync("_emulator/requests");

        Assert.Equal(1, log.GetProperty("count").GetInt32());
        Assert.Equal("GET /api/data/v9.2/WhoAmI", log.GetProperty("requests")[0].GetString());
        Assert.Equal(0, _emulator.Server.ApiRequestCount);
    }
}
