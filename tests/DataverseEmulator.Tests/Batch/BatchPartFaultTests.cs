using System.Net;
using System.Text;
using System.Text.Json;
using DataverseEmulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DataverseEmulator.Tests.Batch;

/// <summary>Faults aimed at one part of a $batch: the part answers the fault, the rest of the batch behaves as Dataverse's.</summary>
public class BatchPartFaultTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync(new EmulatorSettings { TimeProvider = _time });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task ThrottledPart_WithContinueOnError_Is429WithRetryAfterInsideThatPartOnly()
    {
        _emulator.Server.Faults.ThrottlePart(2, TimeSpan.FromSeconds(7));

        var (status, parts) = await SendAsync(continueOnError: true, "contacts?$select=fullname&$top=1", "accounts?$select=name", "leads?$select=fullname");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([200, 429, 200], parts.Select(p => p.Status));
        Assert.Contains("Retry-After: 7", parts[1].Headers, StringComparison.Ordinal);
        Assert.Equal("0x80072322", JsonDocument.Parse(parts[1].Body).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(_emulator.Server.Faults.Pending);
    }

    [Fact]
    public async Task ThrottledPart_WithoutContinueOnError_StopsThereAndTheBatchIs400()
    {
        _emulator.Server.Faults.ThrottlePart(2, TimeSpan.FromSeconds(7));

        var (status, parts) = await SendAsync(continueOnError: false, "contacts?$select=fullname&$top=1", "accounts?$select=name", "leads?$select=fullname");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([200, 429], parts.Select(p => p.Status));
    }

    [Fact]
    public async Task PartFault_WaitsForABatchWithThatManyParts_AndNeverHitsPlainRequests()
    {
        _emulator.Server.Faults.Enqueue(EmulatorFault.ServerError().InBatchPart(3));

        using var plain = await _emulator.GetAsync("api/data/v9.2/WhoAmI");
        var (_, short1) = await SendAsync(continueOnError: true, "WhoAmI", "WhoAmI");
        var (_, long1) = await SendAsync(continueOnError: true, "WhoAmI", "WhoAmI", "WhoAmI");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal([200, 200], short1.Select(p => p.Status));
        Assert.Equal([200, 200, 500], long1.Select(p => p.Status));
    }

    [Fact]
    public async Task UrlPatternFault_OverHttp_HitsTheFirstMatchingPart()
    {
        using var posted = await _emulator.Client.PostAsync("_emulator/faults", new StringContent(
            """{"kind":"unavailable","retryAfterSeconds":2,"urlPattern":"^accounts"}""", Encoding.UTF8, "application/json"));
        var state = await Json.ReadAsync(posted);

        var (_, parts) = await SendAsync(continueOnError: true, "contacts?$select=fullname&$top=1", "accounts?$select=name", "accounts?$select=name");

        Assert.Equal("^accounts", state.GetProperty("pending")[0].GetProperty("urlPattern").GetString());
        Assert.Equal([200, 503, 200], parts.Select(p => p.Status));
        Assert.Contains("Retry-After: 2", parts[1].Headers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrlPatternFault_AlsoHitsAPlainRequestThatMatches()
    {
        _emulator.Server.Faults.Enqueue(EmulatorFault.Status(502).ForUrl("/leads"));

        using var contacts = await _emulator.GetAsync("api/data/v9.2/contacts?$top=1");
        using var leads = await _emulator.GetAsync("api/data/v9.2/leads");

        Assert.Equal(HttpStatusCode.OK, contacts.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, leads.StatusCode);
    }

    [Fact]
    public async Task KeptPartFault_HitsThatPartOfEveryBatch()
    {
        _emulator.Server.Faults.Keep(EmulatorFault.Throttle(TimeSpan.FromSeconds(1)).InBatchPart(1));

        var (_, first) = await SendAsync(continueOnError: true, "WhoAmI", "WhoAmI");
        var (_, second) = await SendAsync(continueOnError: true, "WhoAmI", "WhoAmI");

        Assert.Equal([429, 200], first.Select(p => p.Status));
        Assert.Equal([429, 200], second.Select(p => p.Status));
        Assert.Single(_emulator.Server.Faults.KeptTargeted);
    }

    [Fact]
    public async Task LatencyInAPart_HoldsThatPartUntilTheClockMoves()
    {
        var waiting = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        _emulator.Server.Faults.DelayStarted += (_, delay) => waiting.TrySetResult(delay);
        _emulator.Server.Faults.Enqueue(EmulatorFault.Latency(TimeSpan.FromSeconds(20)).InBatchPart(2));

        var pending = SendAsync(continueOnError: false, "WhoAmI", "WhoAmI");
        Assert.Equal(TimeSpan.FromSeconds(20), await waiting.Task);
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(20));
        var (status, parts) = await pending;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([200, 200], parts.Select(p => p.Status));
    }

    [Fact]
    public async Task DropInAPart_AbortsTheWholeBatch()
    {
        _emulator.Server.Faults.Enqueue(EmulatorFault.DropConnection().InBatchPart(1));

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(continueOnError: true, "WhoAmI"));
    }

    [Fact]
    public async Task PartFaultInAChangeSet_UndoesTheChangeSet()
    {
        _emulator.Server.Faults.Enqueue(EmulatorFault.Throttle(TimeSpan.FromSeconds(3)).InBatchPart(2));
        var body = BatchBody.ChangeSet("b1", [("POST", "phonecalls", """{"subject":"first"}"""), ("POST", "phonecalls", """{"subject":"second"}""")]);

        using var response = await _emulator.Client.PostAsync("api/data/v9.2/$batch", BatchBody.Raw("b1", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([429], BatchBody.ReadAllParts(await response.Content.ReadAsStringAsync()).Select(p => p.Status));
        Assert.Empty(_emulator.Server.GetRecords("phonecalls"));
    }

    [Theory]
    [InlineData("""{"kind":"throttle","part":0}""")]
    [InlineData("""{"kind":"throttle","urlPattern":"(unclosed"}""")]
    public async Task HttpControl_BadTarget_Is400(string json)
    {
        using var posted = await _emulator.Client.PostAsync("_emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Empty(_emulator.Server.Faults.Pending);
    }

    private async Task<(HttpStatusCode Status, IReadOnlyList<(int Status, string Headers, string Body)> Parts)> SendAsync(bool continueOnError, params string[] urls)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/data/v9.2/$batch") { Content = BatchBody.Create("batch_f", urls) };
        if (continueOnError)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "odata.continue-on-error");
        }

        using var response = await _emulator.Client.SendAsync(request);
        var parts = BatchBody.ReadParts(response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync());
        return (response.StatusCode, parts);
    }
}
