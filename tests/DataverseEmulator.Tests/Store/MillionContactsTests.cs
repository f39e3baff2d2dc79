using System.Diagnostics;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.Store;

/// <summary>
/// A million contacts, generated in memory: the organisation loads, a seek-only query answers with the right
/// rows without scanning, and the process stays well under 2 GB. Behaviour only; no timings are asserted.
/// </summary>
public class MillionContactsTests
{
    private const int Contacts = 1_000_000;
    private const long TwoGigabytes = 2L * 1024 * 1024 * 1024;

    [Fact]
    public async Task MillionContacts_LoadAndSeekWithoutScanning_UnderTwoGigabytes()
    {
        var seed = EmulatorSeed.Generate(Contacts, seedNumber: 2026);
        await using var emulator = await RunningEmulator.StartAsync(seed: seed);
        var expected = seed.ExpectedCallers.Where(c => c.Outcome == "match").SelectMany(c => c.Matches).Where(m => m.Entity == "contact").Take(5).ToList();
        var ids = string.Join(",", expected.Select(m => $"'{m.Id:D}'"));
        emulator.Server.ResetStats();

        var body = await emulator.GetJsonAsync($"api/data/v9.2/contacts?$select=fullname&$filter=Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=[{ids}])");
        var count = await (await emulator.GetAsync("api/data/v9.2/contacts/$count")).Content.ReadAsStringAsync();

        Assert.Equal(Contacts, emulator.Server.CountRecords("contacts"));
        Assert.Equal(Contacts.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
        var rows = body.GetProperty("value").EnumerateArray().Select(r => (Guid.Parse(r.GetProperty("contactid").GetString()!), r.GetProperty("fullname").GetString())).ToHashSet();
        Assert.Equal(expected.Select(m => (m.Id, (string?)m.Name)).ToHashSet(), rows);
        Assert.Equal(new EmulatorStats(2, 0, expected.Count), emulator.Server.Stats);
        GC.KeepAlive(seed);
        Assert.InRange(GC.GetTotalMemory(forceFullCollection: false), 0, TwoGigabytes);
        using var process = Process.GetCurrentProcess();
        Assert.InRange(process.WorkingSet64, 0, TwoGigabytes);
    }
}
