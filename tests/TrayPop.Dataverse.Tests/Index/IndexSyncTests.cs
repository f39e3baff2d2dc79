using Microsoft.Extensions.DependencyInjection;
using TrayPop.Core.Lookup;
using TrayPop.Dataverse.Lookup;

namespace TrayPop.Dataverse.Tests.Index;

public sealed class IndexSyncTests
{
    private const string Ann = "2a0f6c1e-0000-4000-8000-000000000001";
    private const string Bob = "2a0f6c1e-0000-4000-8000-000000000002";
    private const string Cat = "2a0f6c1e-0000-4000-8000-000000000003";

    private const string Seed = $$"""
        {"contacts":[
          {"contactid":"{{Ann}}","fullname":"Ann","telephone1":"(425) 555-0101","mobilephone":"+44 20 7946 0958","statecode":0},
          {"contactid":"{{Bob}}","fullname":"Bob","telephone1":"206-555-0100","statecode":0},
          {"contactid":"{{Cat}}","fullname":"Cat","telephone2":"+1.206.555.0100 x221","statecode":0},
          {"contactid":"5d3b9f4b-0000-4000-8000-000000000030","fullname":"Gone Away","telephone1":"(425) 555-0177","statecode":1}
        ]}
        """;

    [Fact]
    public async Task Sync_FirstRun_KeysEveryActiveRecordsNumbers()
    {
        await using var index = await IndexHarness.StartAsync(Seed);

        await index.SyncAsync();

        Assert.Equal(["+14255550101", "+442079460958"], index.KeysOf(Ann));
        Assert.Equal(["+12065550100"], index.KeysOf(Bob));
        Assert.Empty(index.KeysOf("5d3b9f4b-0000-4000-8000-000000000030"));
    }

    [Fact]
    public async Task Sync_SharedSwitchboardNumber_FindsAllItsRecordsThroughKeys()
    {
        await using var index = await IndexHarness.StartAsync(Seed);
        await index.SyncAsync();

        var result = await index.LookupAsync("+12065550100");

        Assert.Equal(LookupOutcome.Multiple, result.Outcome);
        Assert.Equal([Guid.Parse(Bob), Guid.Parse(Cat)], result.Matches.Select(m => m.Id).Order());
    }

    [Fact]
    public async Task Sync_CreatedRecord_IsFindableAfterTheNextRun()
    {
        await using var index = await IndexHarness.StartAsync(Seed);
        await index.SyncAsync();
        var id = Guid.NewGuid();

        await index.WriteAsync(HttpMethod.Post, "contacts", $$"""{"contactid":"{{id}}","fullname":"New","mobilephone":"425 555 0142"}""");
        await index.SyncAsync();

        Assert.Equal(id, (await index.LookupAsync("+14255550142")).Matches.Single().Id);
    }

    [Fact]
    public async Task Sync_ChangedNumber_RemovesTheOldKeyAndAddsTheNew()
    {
        await using var index = await IndexHarness.StartAsync(Seed);
        await index.SyncAsync();

        await index.WriteAsync(HttpMethod.Patch, $"contacts({Bob})", """{"telephone1":"206-555-0199"}""");
        await index.SyncAsync();

        Assert.Equal(["+12065550199"], index.KeysOf(Bob));
        Assert.DoesNotContain((await index.LookupAsync("+12065550100")).Matches, m => m.Id == Guid.Parse(Bob));
    }

    [Fact]
    public async Task Sync_DeactivatedThenReactivatedRecord_LeavesAndReturns()
    {
        await using var index = await IndexHarness.StartAsync(Seed);
        await index.SyncAsync();

        await index.WriteAsync(HttpMethod.Patch, $"contacts({Ann})", """{"statecode":1,"statuscode":2}""");
        await index.SyncAsync();
        Assert.Empty(index.KeysOf(Ann));
        Assert.Equal(LookupOutcome.None, (await index.LookupAsync("+14255550101")).Outcome);

        await index.WriteAsync(HttpMethod.Patch, $"contacts({Ann})", """{"statecode":0,"statuscode":1}""");
        await index.SyncAsync();
        Assert.Equal(["+14255550101", "+442079460958"], index.KeysOf(Ann));
    }

    [Fact]
    public async Task Sync_DeletedRecord_LosesItsKeys()
    {
        await using var index = await IndexHarness.StartAsync(Seed);
        await index.SyncAsync();

        await index.WriteAsync(HttpMethod.Delete, $"contacts({Ann})");
        await index.SyncAsync();

        Assert.Empty(index.KeysOf(Ann));
    }

    [Fact]
    public async Task Sync_ExpiredDeltaToken_ReadsEverythingAgainAndForgetsWhatWasDeletedMeanwhile()
    {
        await using var index = await IndexHarness.StartAsync(Seed);
        await index.SyncAsync();
        await index.WriteAsync(HttpMethod.Delete, $"contacts({Ann})");
        await index.WriteAsync(HttpMethod.Patch, $"contacts({Bob})", """{"telephone1":"206-555-0199"}""");

        index.Time.Advance(TimeSpan.FromDays(8));
        await index.SyncAsync();

        Assert.Empty(index.KeysOf(Ann));
        Assert.Equal(["+12065550199"], index.KeysOf(Bob));
        Assert.Equal(["+12065550100"], index.KeysOf(Cat));
    }

    [Fact]
    public async Task Sync_KilledMidway_CompletesOnTheNextRunWithoutDuplicates()
    {
        var contacts = string.Join(",", Enumerable.Range(0, 60).Select(i =>
            $$"""{"contactid":"{{Guid.NewGuid()}}","fullname":"C{{i}}","telephone1":"(425) 555-{{1000 + i}}","statecode":0}"""));
        await using var index = await IndexHarness.StartAsync($$"""{"contacts":[{{contacts}}]}""", "Index:BatchSize=5", "Index:PageSize=7");
        using var kill = new CancellationTokenSource();
        var killer = Task.Run(async () =>
        {
            while (index.Crm.ApiRequestCount < 4)
            {
                await Task.Yield();
            }

            await kill.CancelAsync();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.SyncAsync(kill.Token));
        await killer;
        Assert.True(index.Keys().Count < 60, "the kill came before the index was complete");
        await index.SyncAsync();

        var keys = index.Keys();
        Assert.Equal(60, keys.Count);
        Assert.Equal(60, keys.Select(k => (string)k["tp_key"]!).Distinct().Count());
    }

    [Fact]
    public async Task Sync_NationalNumber_IsKeyedOncePerConfiguredRegion()
    {
        await using var index = await IndexHarness.StartAsync(
            $$"""{"contacts":[{"contactid":"{{Ann}}","fullname":"Ann","telephone1":"020 7946 0958","statecode":0}]}""",
            "Index:Regions:0=GB", "Index:Regions:1=US");

        await index.SyncAsync();

        // 020 7946 0958 is a London number to a British agent; a US reading finds no valid number, so one key.
        Assert.Equal(["+442079460958"], index.KeysOf(Ann));
    }

    [Fact]
    public async Task Lookup_ThroughKeys_SendsOneRequestThatSeeksAndScansNothing_AndFindsTheAccountAfterNoContact()
    {
        await using var index = await IndexHarness.StartAsync(
            $$"""{"contacts":[],"accounts":[{"accountid":"{{Ann}}","name":"Fabrikam","telephone1":"+44 (0)20 7946 0958","statecode":0}]}""");
        await index.SyncAsync();
        var lookup = index.Services.GetRequiredService<StrategyLookup>();
        await lookup.ResolveAsync(CancellationToken.None);
        index.Crm.ResetCounters();
        index.Crm.ResetStats();

        var result = await index.LookupAsync("+442079460958");

        Assert.Equal(new CrmRecord("account", Guid.Parse(Ann), "Fabrikam"), result.Matches.Single());
        Assert.Equal(1, index.Crm.ApiRequestCount);
        var stats = index.Crm.Stats;
        Assert.Equal(1, stats.Requests);
        Assert.Equal(0, stats.RowsScanned);
        Assert.InRange(stats.RowsSeeked, 1, 3);
        Assert.Contains("startswith(tp_key", Uri.UnescapeDataString(index.Crm.ApiRequests.Single()), StringComparison.Ordinal);
        Assert.Equal("keys", lookup.Index);
    }
}
