using System.Text;
using DataverseEmulator.Seeding.Generation;

namespace DataverseEmulator.Tests.Seeding.Generation;

public class SeedGeneratorTests
{
    private static readonly EmulatorSeed Seed = EmulatorSeed.Generate(20_000, seedNumber: 42);

    [Fact]
    public void Generate_SameSeedNumber_GivesTheSameRecordsAndCallers()
    {
        var again = EmulatorSeed.Generate(2_000, seedNumber: 7);
        var first = EmulatorSeed.Generate(2_000, seedNumber: 7);

        Assert.Equal(Json(first), Json(again));
        Assert.Equal(first.ExpectedCallers, again.ExpectedCallers, (a, b) => a.Caller == b.Caller && a.Note == b.Note);
    }

    [Fact]
    public void Generate_OtherSeedNumber_GivesOtherRecords() =>
        Assert.NotEqual(Json(EmulatorSeed.Generate(500, seedNumber: 1)), Json(EmulatorSeed.Generate(500, seedNumber: 2)));

    [Fact]
    public void Generate_MakesContactsAndATenthAsManyAccountsAndLeads()
    {
        Assert.Equal(20_000, Seed.Count("contacts"));
        Assert.InRange(Seed.Count("accounts"), 2_000, 2_300);
        Assert.InRange(Seed.Count("leads"), 2_000, 2_300);
    }

    [Theory]
    [InlineData(@"^\(\d{3}\) \d{3}-\d{4}$")]
    [InlineData(@"^\+1\d{10}$")]
    [InlineData(@"^\d{3}\.\d{3}\.\d{4}$")]
    [InlineData(@"^\+44 \(0\)20 \d{4} \d{4}$")]
    [InlineData(@"^020 \d{4} \d{4}$")]
    [InlineData(@" x\d{3}$")]
    [InlineData(@"^\+61 \d")]
    [InlineData(@"^\+49 ")]
    [InlineData(@"^0\d/\d{4}-\d{4}$|^0\d\d/\d{4}-\d{4}$")]
    [InlineData(@"^0\d \d\d \d\d \d\d \d\d$")]
    [InlineData(@"^\+33 ")]
    public void Generate_StoresNumbersInMixedFormats(string pattern)
    {
        var phones = Seed.Sets["contacts"].Select(c => c["telephone1"]!.ToString()).ToList();

        Assert.Contains(phones, p => System.Text.RegularExpressions.Regex.IsMatch(p, pattern));
    }

    [Fact]
    public void ExpectedCallers_CoverMatchMultipleAndNone()
    {
        var outcomes = Seed.ExpectedCallers.GroupBy(c => c.Outcome).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(200, Seed.ExpectedCallers.Count);
        Assert.True(outcomes["match"] >= 100);
        Assert.True(outcomes["multiple"] >= 10);
        Assert.True(outcomes["none"] >= 30);
        Assert.All(Seed.ExpectedCallers, c => Assert.Matches(@"^\+\d{8,15}$", c.Caller));
        Assert.Equal(Seed.ExpectedCallers.Count, Seed.ExpectedCallers.Select(c => c.Caller).Distinct().Count());
    }

    [Fact]
    public void ExpectedMatches_AreActiveRecordsThatStoreTheCallersDigits()
    {
        var records = Seed.Sets.SelectMany(s => s.Value.Select(r => (Entity: s.Key[..^1], Record: r)))
            .ToDictionary(r => Guid.Parse(r.Record[r.Entity + "id"]!.ToString()));

        foreach (var caller in Seed.ExpectedCallers)
        {
            Assert.Equal(caller.Outcome, caller.Matches.Count switch { 0 => "none", 1 => "match", _ => "multiple" });
            foreach (var match in caller.Matches)
            {
                var (entity, record) = records[match.Id];
                Assert.Equal(match.Entity, entity);
                Assert.Equal(0, record["statecode"]!.GetValue<int>());
                Assert.Equal(match.Stored, record[match.Column]!.ToString());
                Assert.EndsWith(NationalDigits(match.Stored), Digits(caller.Caller), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void ExpectedCallers_NoneStoredAnywhere_AreNearMissesOrInactive()
    {
        var stored = Seed.Sets.SelectMany(s => s.Value).SelectMany(r => new[] { "telephone1", "telephone2", "mobilephone" }
            .Select(c => r[c]?.ToString()).OfType<string>()).Select(NationalDigits).Where(d => d.Length >= 9).ToList();

        var nearMisses = Seed.ExpectedCallers.Where(c => c.Note.StartsWith("near-miss", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(nearMisses);
        Assert.All(nearMisses, c => Assert.DoesNotContain(stored, s => Digits(c.Caller).EndsWith(s, StringComparison.Ordinal)));
        Assert.Contains(Seed.ExpectedCallers, c => c.Note.StartsWith("inactive", StringComparison.Ordinal));
    }

    [Fact]
    public void Decoys_ShareTheLastSevenDigits_AndAreStoredInLeadsOrAccounts()
    {
        var decoyNearby = Seed.ExpectedCallers.Where(c => c.Note.StartsWith("decoy-nearby", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(decoyNearby);
        foreach (var caller in decoyNearby)
        {
            var decoy = caller.Note.Split(": ")[1].Split(" in ")[0];
            Assert.EndsWith(Digits(caller.Caller)[^7..], NationalDigits(decoy), StringComparison.Ordinal);
            Assert.False(Digits(caller.Caller).EndsWith(NationalDigits(decoy), StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("(###) ###-####", "4255550101", "(425) 555-0101")]
    [InlineData("+44 (0)## #### ####", "2079460958", "+44 (0)20 7946 0958")]
    [InlineData("0##/####-####", "3023125456", "030/2312-5456")]
    public void PhoneRange_Apply_PlacesTheDigits(string template, string number, string expected) =>
        Assert.Equal(expected, PhoneRange.Apply(template, number, new SeedRandom(1)));

    [Fact]
    public void PhonePlans_EveryTemplateTakesExactlyTheDigitsItsRangeDraws()
    {
        var random = new SeedRandom(3);
        foreach (var (plan, _) in PhonePlans.Countries)
        {
            foreach (var (range, _) in plan.Ranges)
            {
                var number = range.Draw(random);
                Assert.All(range.Templates, t => Assert.Equal(number.Length, t.Count(c => c == '#')));
            }
        }
    }

    private static string Json(EmulatorSeed seed)
    {
        using var stream = new MemoryStream();
        seed.WriteJson(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Digits(string text) => new([.. text.Replace("(0)", string.Empty, StringComparison.Ordinal).Where(char.IsAsciiDigit)]);

    /// <summary>A stored number's own digits: no extension, no "(0)", no national trunk zeros; an E.164 caller ends with them.</summary>
    private static string NationalDigits(string stored) => Digits(stored.Split(" x")[0].Split(" ext")[0]).TrimStart('0');
}
