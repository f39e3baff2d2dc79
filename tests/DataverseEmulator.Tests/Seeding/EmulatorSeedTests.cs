using System.Text.Json.Nodes;

namespace DataverseEmulator.Tests.Seeding;

public class EmulatorSeedTests
{
    [Fact]
    public void Sample_FirstContact_IsJaneDoe()
    {
        var jane = EmulatorSeed.Sample.Sets["contacts"][0];

        Assert.Equal("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01", jane["contactid"]!.ToString());
        Assert.Equal("Jane Doe", jane["fullname"]!.ToString());
        Assert.Equal("(425) 555-0101", jane["telephone1"]!.ToString());
        Assert.Equal("+1 425 555 0199", jane["mobilephone"]!.ToString());
        Assert.Equal(0, jane["statecode"]!.GetValue<int>());
    }

    [Fact]
    public void Sample_HasADozenContactsAndSomeAccountsAndLeads()
    {
        var sample = EmulatorSeed.Sample;

        Assert.Equal(12, sample.Count("contacts"));
        Assert.InRange(sample.Count("accounts"), 2, 3);
        Assert.Equal(2, sample.Count("leads"));
    }

    [Fact]
    public void Sample_HasOneInactiveContactAndASharedSwitchboard()
    {
        var contacts = EmulatorSeed.Sample.Sets["contacts"];

        Assert.Single(contacts, c => c["statecode"]?.GetValue<int>() == 1);
        Assert.Equal(2, contacts.Count(c => c["telephone1"]?.ToString() == "(206) 555-0100"));
    }

    [Theory]
    [InlineData("+44 (0)20 7946 0958")]
    [InlineData("020 7946 0018")]
    [InlineData("1-800-FLOWERS")]
    [InlineData("425.555.0106")]
    [InlineData("1-425-555-0107 x221")]
    public void Sample_HasVariedFormats(string number) =>
        Assert.Contains(EmulatorSeed.Sample.Sets["contacts"], c => c.Any(p => p.Value?.ToString() == number));

    [Fact]
    public void Parse_KeepsArbitraryColumns_AndRoundTripsThroughToJson()
    {
        var seed = EmulatorSeed.Parse("""{"contacts":[{"contactid":"11111111-0000-4000-8000-000000000001","fullname":"A","new_custom":"x"}],"incidents":[{"title":"T"}]}""");

        var again = EmulatorSeed.Parse(seed.ToJson());

        Assert.Equal(["contacts", "incidents"], again.EntitySets.Order());
        Assert.Equal("x", again.Sets["contacts"][0]["new_custom"]!.ToString());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"contacts\":{}}")]
    [InlineData("{\"contacts\":[1]}")]
    [InlineData("{not json")]
    [InlineData("{\"contacts\":[{\"contactid\":\"nope\"}]}")]
    [InlineData("{\"contacts\":[{\"contactid\":\"11111111-0000-4000-8000-000000000001\"},{\"contactid\":\"11111111-0000-4000-8000-000000000001\"}]}")]
    [InlineData("{\"contacts\":[{\"statecode\":\"0\"}]}")]
    [InlineData("{\"phonecalls\":[{\"activityid\":42}]}")]
    public void Parse_NotASeed_ThrowsFormatException(string json) =>
        Assert.Throws<FormatException>(() => EmulatorSeed.Parse(json));

    [Fact]
    public void Load_ReadsAFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"leads":[{"leadid":"22222222-0000-4000-8000-000000000001","fullname":"L"}]}""");

            Assert.Equal(1, EmulatorSeed.Load(path).Count("leads"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Sample_IsAFreshCopyEachTime()
    {
        EmulatorSeed.Sample.Sets["contacts"][0]["fullname"] = "Changed";

        Assert.Equal("Jane Doe", EmulatorSeed.Sample.Sets["contacts"][0]["fullname"]!.ToString());
    }

    [Fact]
    public async Task Server_MissingStatecode_IsActive_AndMissingKeyIsGenerated()
    {
        var seed = EmulatorSeed.Parse("""{"contacts":[{"fullname":"No Key"}],"incidents":[{"incidentid":"33333333-0000-4000-8000-000000000001","title":"Broken phone"}]}""");
        await using var server = await EmulatorServer.StartAsync(seed);
        using var client = new HttpClient { BaseAddress = server.BaseUri };

        var contacts = JsonNode.Parse(await client.GetStringAsync("api/data/v9.2/contacts?$select=fullname,statecode"))!;
        var incidents = JsonNode.Parse(await client.GetStringAsync("api/data/v9.2/incidents?$filter=title eq 'Broken phone'"))!;

        Assert.Equal(0, contacts["value"]![0]!["statecode"]!.GetValue<int>());
        Assert.True(Guid.TryParse(contacts["value"]![0]!["contactid"]!.ToString(), out _));
        Assert.Equal("33333333-0000-4000-8000-000000000001", incidents["value"]![0]!["incidentid"]!.ToString());
    }
}
