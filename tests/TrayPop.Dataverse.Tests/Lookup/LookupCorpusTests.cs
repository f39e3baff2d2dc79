using DataverseEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Hosting.Cli;
using TrayPop.Hosting;
using TrayPop.Core.Lookup;
using TrayPop.Testing;
using Xunit.Abstractions;

using TrayPop.Dataverse.Lookup;

namespace TrayPop.Dataverse.Tests.Lookup;

/// <summary>
/// The shared caller/stored corpus, end to end: each stored number is put in Dataverse (the emulator, over a
/// real socket) as a contact's phone, and the caller id is looked up through the real client and $batch.
/// </summary>
public sealed class LookupCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Corpus_EveryCallerFindsItsRecordAndNoOther_InOneRequestEach()
    {
        var pairs = PhoneCorpus.Load();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        var failures = new List<string>();

        foreach (var pair in pairs)
        {
            var id = Guid.NewGuid();
            var seed = EmulatorSeed.Parse($$"""{"contacts":[{"contactid":"{{id}}","fullname":"Corpus","mobilephone":{{System.Text.Json.JsonSerializer.Serialize(pair.Stored)}},"statecode":0}]}""");
            await using var crm = await EmulatorServer.StartAsync(seed);
            await using var services = Services(crm, pair.Region);

            var result = await services.GetRequiredService<PhoneLookup>().LookupAsync(pair.CallerId, CancellationToken.None);

            var found = result.Matches.Any(m => m.Id == id);
            (truePositives, falsePositives, falseNegatives, trueNegatives) = (pair.Match, found) switch
            {
                (true, true) => (truePositives + 1, falsePositives, falseNegatives, trueNegatives),
                (false, true) => (truePositives, falsePositives + 1, falseNegatives, trueNegatives),
                (true, false) => (truePositives, falsePositives, falseNegatives + 1, trueNegatives),
                _ => (truePositives, falsePositives, falseNegatives, trueNegatives + 1),
            };
            if (found != pair.Match)
            {
                failures.Add($"{pair}: {(found ? "found although not the same number" : "not found")}");
            }

            if (crm.ApiRequestCount > 1)
            {
                failures.Add($"{pair}: {crm.ApiRequestCount} Dataverse requests for one lookup");
            }
        }

        var precision = truePositives + falsePositives == 0 ? 1.0 : (double)truePositives / (truePositives + falsePositives);
        var recall = truePositives + falseNegatives == 0 ? 1.0 : (double)truePositives / (truePositives + falseNegatives);
        output.WriteLine($"Lookup corpus: {pairs.Count} pairs, {pairs.Select(p => p.Region).Distinct().Count()} regions; " +
            $"TP {truePositives}, FP {falsePositives}, FN {falseNegatives}, TN {trueNegatives}; precision {precision:P1}, recall {recall:P1}");
        failures.ForEach(output.WriteLine);

        Assert.Empty(failures);
        Assert.Equal(1.0, precision);
        Assert.Equal(1.0, recall);
    }

    private static ServiceProvider Services(EmulatorServer crm, string region) =>
        CliServices.Build(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["TrayPop:Dataverse:Url"] = crm.BaseUri.AbsoluteUri,
                ["TrayPop:Dataverse:Auth:Mode"] = "None",
                ["TrayPop:Phone:DefaultRegion"] = region,
            }).Build(),
            TrayPopPlatform.Headless);
}
