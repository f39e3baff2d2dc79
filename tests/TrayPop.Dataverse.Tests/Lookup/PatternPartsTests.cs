using System.Net;
using System.Text.Json;
using DataverseEmulator;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Core.Lookup;
using TrayPop.Dataverse.Lookup;

namespace TrayPop.Dataverse.Tests.Lookup;

/// <summary>
/// The Pattern strategy's $batch when some of its parts fail: parts that answered still decide, a throttled part is
/// asked again after its Retry-After while that fits the pop budget, and "nobody has this number" needs every part.
/// Part 1 is the contact table's pattern query, part 2 its exact renderings. Bob's "206-555-0100 x221" is found only
/// by the pattern, Ann's "+1.206.555.0100" by both.
/// </summary>
public sealed class PatternPartsTests
{
    private static readonly Guid Ann = Guid.Parse(TestSeed.SwitchboardA);
    private static readonly Guid Bob = Guid.Parse(TestSeed.SwitchboardB);

    private static Task<LookupResult> LookupAsync(IServiceProvider services, string number) =>
        services.GetRequiredService<PhoneLookup>().LookupAsync(number, CancellationToken.None);

    [Fact]
    public async Task ThrottledPart_IsAskedAgainAfterItsRetryAfter_WithinTheBudget()
    {
        await using var harness = await DataverseHarness.StartAsync(settings: ["Lookup:Strategy=Pattern", "Pop:Budget=00:00:03"]);
        harness.Crm.Faults.ThrottlePart(1, TimeSpan.FromSeconds(1));

        var pending = LookupAsync(harness.Services, "+12065550100");
        // The clock stands still until the batch has reached the CRM (its budget counts from the lookup's start), then
        // moves in small steps, so the 1 s Retry-After runs out well inside the 3 s budget however slow this machine is.
        await Eventually.TrueAsync(() => harness.Crm.ApiRequestCount == 1, "the batch reached the CRM");
        await harness.AdvanceUntilAsync(() => pending.IsCompleted, "the throttled part was asked again", TimeSpan.FromMilliseconds(20));
        var result = await pending;

        Assert.Equal([Ann, Bob], result.Matches.Select(m => m.Id).Order());
        Assert.Equal(2, harness.Crm.ApiRequestCount);
        Assert.StartsWith("GET /api/data/v9.2/contacts?", harness.Crm.ApiRequests[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrottledPartPastTheBudget_IsNotWaitedFor_AndTheAnsweredPartsDecide()
    {
        await using var harness = await DataverseHarness.StartAsync(settings: ["Lookup:Strategy=Pattern", "Pop:Budget=00:00:03"]);
        harness.Crm.Faults.ThrottlePart(1, TimeSpan.FromSeconds(10));

        var result = await LookupAsync(harness.Services, "+12065550100");

        Assert.Equal(Ann, result.Matches.Single().Id);
        Assert.Equal(1, harness.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task UnknownNumberWithAThrottledPart_IsAnError_NeverNone()
    {
        await using var harness = await DataverseHarness.StartAsync(settings: ["Lookup:Strategy=Pattern", "Pop:Budget=00:00:03"]);
        harness.Crm.Faults.ThrottlePart(4, TimeSpan.FromSeconds(10));

        var failure = await Assert.ThrowsAsync<DataverseException>(() => LookupAsync(harness.Services, "+14255550142"));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
    }

    [Fact]
    public async Task UnknownNumberWithEveryPartAnswered_IsNone()
    {
        await using var harness = await DataverseHarness.StartAsync(settings: ["Lookup:Strategy=Pattern"]);

        var result = await LookupAsync(harness.Services, "+14255550142");

        Assert.Equal(LookupOutcome.None, result.Outcome);
    }

    [Fact]
    public async Task PatternPartsTimedOutOnTablesPastTheScanLimit_LeaveTheExactPartsDeciding()
    {
        await using var service = await RunningService.StartAsync(["--TrayPop:Lookup:Strategy=Pattern"], crmSettings: new EmulatorSettings { ScanLimit = 2 });

        var jane = await LookupAsync(service.Services, "+14255550101");
        var unknown = await Assert.ThrowsAsync<DataverseException>(() => LookupAsync(service.Services, "+14255550142"));

        Assert.Equal(Guid.Parse(TestSeed.JaneId), jane.Matches.Single().Id);
        Assert.Equal("0x80048573", unknown.ErrorCode);
    }

    [Fact]
    public async Task CallPastTheScanLimit_StillGivesTheAgentTheFallbackPage_AndSaysWhy()
    {
        await using var service = await RunningService.StartAsync(["--TrayPop:Lookup:Strategy=Pattern"], crmSettings: new EmulatorSettings { ScanLimit = 2 });

        using var response = await service.Http.GetAsync(new Uri("/call?number=%2B14255550142", UriKind.Relative));
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("opened", reply.RootElement.GetProperty("status").GetString());
        Assert.Contains("pagetype=search", service.Launcher.Opened.Single().AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("The CRM could not be searched.", service.Notifier.Shown.Single().Text, StringComparison.Ordinal);
    }
}
