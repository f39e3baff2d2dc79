using System.Text.Json;
using DataverseEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Dataverse.Tests.Index;
using TrayPop.Hosting;
using TrayPop.Hosting.Cli;
using Xunit.Abstractions;

namespace TrayPop.Dataverse.Tests.Lookup;

/// <summary>
/// The shared caller/stored corpus, end to end: each stored number is a contact's phone in Dataverse (the emulator,
/// over a real socket), and each caller id is looked up through the real client, by pattern and through the
/// phone-key index after a sync. Each pair's own record must be found exactly when the pair says it is the same number.
/// </summary>
public sealed class LookupCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<PhoneCorpusPair> Pairs = PhoneCorpus.Load();

    [Fact]
    public async Task Corpus_ByPattern_EveryCallerFindsItsRecordAndNoOther_InOneRequestEach()
    {
        // Each region is its own organisation, as for the index below: thousands of look-alike numbers from every
        // country in one table would crowd the pattern's candidates (TrayPop:Lookup:MaxCandidates) in a way no real
        // organisation's agents, all in their own region, would see.
        var failures = new List<string>();
        foreach (var region in Pairs.Select(p => p.Region).Distinct())
        {
            var mine = Enumerable.Range(0, Pairs.Count).Where(i => Pairs[i].Region == region).ToList();
            var ids = Pairs.Select(_ => Guid.NewGuid()).ToList();
            await using var crm = await EmulatorServer.StartAsync(EmulatorSeed.Parse(Contacts(mine, ids)));
            await using var services = Services(crm, region, "Pattern");
            foreach (var i in mine)
            {
                crm.ResetCounters();
                var result = await LookupAsync(services, Pairs[i]);
                Check(Pairs[i], result.Matches.Any(m => m.Id == ids[i]), crm.ApiRequestCount, failures);
            }
        }

        Report("Pattern", failures);
    }

    [Fact]
    public async Task Corpus_ThroughTheKeyIndex_EveryCallerFindsItsRecordAndNoOther_InOneRequestEach()
    {
        // An index is keyed for its organisation's regions; here each region is its own organisation, indexed for it alone.
        var failures = new List<string>();
        foreach (var region in Pairs.Select(p => p.Region).Distinct())
        {
            var mine = Enumerable.Range(0, Pairs.Count).Where(i => Pairs[i].Region == region).ToList();
            var ids = Pairs.Select(_ => Guid.NewGuid()).ToList();
            await using var index = await IndexHarness.StartAsync(Contacts(mine, ids), $"Phone:DefaultRegion={region}", "Lookup:Strategy=Keys");
            await index.SyncAsync();
            foreach (var i in mine)
            {
                index.Crm.ResetCounters();
                index.Crm.ResetStats();
                var result = await index.LookupAsync(Pairs[i].CallerId);
                Check(Pairs[i], result.Matches.Any(m => m.Id == ids[i]), index.Crm.ApiRequestCount, failures);
                // A caller id that is no number has no key: it goes to the pattern search by design (and scans).
                var isNumber = index.Services.GetRequiredService<CallerIdParser>().Parse(Pairs[i].CallerId).Kind == CallerIdKind.Number;
                if (isNumber && index.Crm.Stats.RowsScanned > 0)
                {
                    failures.Add($"{Pairs[i]}: {index.Crm.Stats.RowsScanned} rows scanned (an index lookup must only seek)");
                }
            }
        }

        Report("Keys", failures);
    }

    private static void Check(PhoneCorpusPair pair, bool found, int requests, List<string> failures)
    {
        if (found != pair.Match)
        {
            failures.Add($"{pair}: {(found ? "found although not the same number" : "not found")}");
        }

        if (requests > 1)
        {
            failures.Add($"{pair}: {requests} Dataverse requests for one lookup");
        }
    }

    private void Report(string strategy, List<string> failures)
    {
        output.WriteLine($"Lookup corpus through {strategy}: {Pairs.Count} pairs, {Pairs.Select(p => p.Region).Distinct().Count()} regions; {failures.Count} failures");
        failures.ForEach(output.WriteLine);
        Assert.Empty(failures);
    }

    private static string Contacts(IEnumerable<int> indexes, IReadOnlyList<Guid> ids) =>
        $$"""{"contacts":[{{string.Join(",", indexes.Select(i =>
            $$"""{"contactid":"{{ids[i]}}","fullname":"Corpus {{i}}","mobilephone":{{JsonSerializer.Serialize(Pairs[i].Stored)}},"statecode":0}"""))}}]}""";

    private static Task<LookupResult> LookupAsync(ServiceProvider services, PhoneCorpusPair pair) =>
        services.GetRequiredService<ICallerLookup>().LookupAsync(services.GetRequiredService<CallerIdParser>().Parse(pair.CallerId), CancellationToken.None);

    private static ServiceProvider Services(EmulatorServer crm, string region, string strategy) =>
        CliServices.Build(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["TrayPop:Dataverse:Url"] = crm.BaseUri.AbsoluteUri,
                ["TrayPop:Dataverse:Auth:Mode"] = "None",
                ["TrayPop:Phone:DefaultRegion"] = region,
                ["TrayPop:Lookup:Strategy"] = strategy,
            }).Build(),
            TrayPopPlatform.Headless);
}
