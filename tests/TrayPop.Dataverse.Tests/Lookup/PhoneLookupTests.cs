using Microsoft.Extensions.DependencyInjection;
using TrayPop.Core.Lookup;
using TrayPop.Testing;

using TrayPop.Dataverse.Lookup;

namespace TrayPop.Dataverse.Tests.Lookup;

public sealed class PhoneLookupTests : IAsyncLifetime
{
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<LookupResult> LookupAsync(string callerId)
    {
        _service.Crm.ResetCounters();
        var result = await _service.Services.GetRequiredService<PhoneLookup>().LookupAsync(callerId, CancellationToken.None);
        return result;
    }

    [Theory]
    [InlineData("+14255550101")]
    [InlineData("4255550101")]
    [InlineData("sip:+14255550101@pbx.example;user=phone")]
    [InlineData("+1 (425) 555-0199")]
    public async Task Lookup_AnyCallerFormat_FindsJaneInOneRequest(string callerId)
    {
        var result = await LookupAsync(callerId);

        Assert.Equal(LookupOutcome.Match, result.Outcome);
        Assert.Equal(Guid.Parse(TestSeed.JaneId), result.Matches.Single().Id);
        Assert.Equal(1, _service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Lookup_WhenTwoContactsShareNumber_ReturnsMultiple()
    {
        var result = await LookupAsync("+12065550100");

        Assert.Equal(LookupOutcome.Multiple, result.Outcome);
        Assert.Equal([Guid.Parse(TestSeed.SwitchboardA), Guid.Parse(TestSeed.SwitchboardB)], result.Matches.Select(m => m.Id).Order());
        // What a chooser lists and the CRM's Quick Find finds them by: names, tables and the numbers as stored, from the same one request.
        Assert.Equal(["Ann Switch|contact|+1.206.555.0100", "Bob Switch|contact|206-555-0100 x221"],
            result.Matches.Select(m => $"{m.Name}|{m.Entity}|{m.Number}").Order());
    }

    [Fact]
    public async Task Lookup_SameLastDigitsOtherAreaCode_IsNotAMatch()
    {
        // (206) 555-0101 is stored; (425) 555-0101 is Jane. Only Jane may come back.
        var result = await LookupAsync("+14255550101");

        Assert.DoesNotContain(result.Matches, m => m.Name == "Other Area");
    }

    [Fact]
    public async Task Lookup_InactiveContact_IsNotFound()
    {
        var result = await LookupAsync("+14255550177");

        Assert.Equal(LookupOutcome.None, result.Outcome);
    }

    [Fact]
    public async Task Lookup_NoContactButAnAccount_FindsTheAccountInTheSameRoundTrip()
    {
        var result = await LookupAsync("+442079460958");

        Assert.Equal(new CrmRecord("account", Guid.Parse(TestSeed.AccountId), "Fabrikam Ltd", "+44 (0)20 7946 0958"), result.Matches.Single());
        Assert.Equal(1, _service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Lookup_Lead_IsFoundLast()
    {
        var result = await LookupAsync("+441134960123");

        Assert.Equal("lead", result.Matches.Single().Entity);
    }

    [Fact]
    public async Task Lookup_Withheld_AsksNothing()
    {
        var result = await LookupAsync("anonymous");

        Assert.Equal(LookupOutcome.Withheld, result.Outcome);
        Assert.Equal(0, _service.Crm.ApiRequestCount);
    }

    [Theory]
    [InlineData("' or 1 eq 1")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("[0-9]")]
    [InlineData("') or contains(fullname,'")]
    [InlineData("Jane\u0007Doe\r\n")]
    [InlineData("[^0-9]%[%]")]
    public async Task Lookup_InjectionAttempt_IsSearchedAsPlainText(string callerId)
    {
        var result = await LookupAsync(callerId);

        Assert.Equal(LookupOutcome.None, result.Outcome);
        Assert.Equal(1, _service.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task Lookup_InATableFullOfSimilarNumbers_StillFindsACommonlyFormattedRecordInOneRequest()
    {
        // Extensions make many stored numbers contain the caller's digits in order; the pattern query is cut off
        // at MaxCandidates, so the exact renderings in the same $batch must find the record.
        var decoys = string.Join(",", Enumerable.Range(0, 20).Select(i =>
            $$"""{"contactid":"{{Guid.NewGuid()}}","fullname":"Decoy {{i}}","telephone1":"206-555-0100 x1{{i:00}}2","statecode":0}"""));
        var seed = DataverseEmulator.EmulatorSeed.Parse($$"""
            {"contacts":[{{decoys}},{"contactid":"{{TestSeed.JaneId}}","fullname":"Jane Doe","telephone1":"206-555-0012","statecode":0}]}
            """);
        await using var dense = await RunningService.StartAsync(["--TrayPop:Lookup:MaxCandidates=5"], seed: seed);
        dense.Crm.ResetCounters();

        var result = await dense.Services.GetRequiredService<PhoneLookup>().LookupAsync("+12065550012", CancellationToken.None);

        Assert.Equal(Guid.Parse(TestSeed.JaneId), result.Matches.Single().Id);
        Assert.Equal(1, dense.Crm.ApiRequestCount);
    }
}
