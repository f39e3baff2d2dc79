using System.Net;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.Stats;

public class StatsEndpointTests : IAsyncLifetime
{
    private const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Stats_AtStart_AreZero()
    {
        var stats = await _emulator.GetJsonAsync("_emulator/stats");

        Assert.Equal("""{"requests":0,"rowsScanned":0,"rowsSeeked":0}""", stats.GetRawText());
    }

    [Fact]
    public async Task Stats_CountRequestsScansAndSeeks()
    {
        using (await _emulator.GetAsync($"api/data/v9.2/contacts({JaneId})?$select=fullname"))
        using (await _emulator.GetAsync("api/data/v9.2/contacts?$select=fullname&$filter=contains(telephone1,'555')"))
        using (await _emulator.GetAsync("api/data/v9.2/accounts?$select=name"))
        {
        }

        var stats = await _emulator.GetJsonAsync("_emulator/stats");

        Assert.Equal(3, stats.GetProperty("requests").GetInt64());
        Assert.Equal(12 + 3, stats.GetProperty("rowsScanned").GetInt64());
        Assert.Equal(1, stats.GetProperty("rowsSeeked").GetInt64());
        Assert.Equal(new EmulatorStats(3, 15, 1), _emulator.Server.Stats);
    }

    [Fact]
    public async Task Stats_ABatchIsOneRequest_ItsPartsAddTheirRows()
    {
        var content = BatchBody.Create("batch_s", [$"contacts({JaneId})", "leads?$select=fullname", "contacts?$filter=contactid eq " + JaneId]);

        using (await _emulator.Client.PostAsync("api/data/v9.2/$batch", content))
        {
        }

        Assert.Equal(new EmulatorStats(1, 2, 2), _emulator.Server.Stats);
    }

    [Fact]
    public async Task StatsReset_StartsFromZero_AndAnswersTheNewState()
    {
        using (await _emulator.GetAsync("api/data/v9.2/contacts"))
        {
        }

        using var reset = await _emulator.Client.PostAsync("_emulator/stats/reset", null);
        var body = await Json.ReadAsync(reset);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(0, body.GetProperty("requests").GetInt64());
        Assert.Equal(new EmulatorStats(0, 0, 0), _emulator.Server.Stats);
    }

    [Fact]
    public async Task ResetStats_InProcess_LeavesTheRequestLogAlone()
    {
        using (await _emulator.GetAsync("api/data/v9.2/WhoAmI"))
        {
        }

        _emulator.Server.ResetStats();

        Assert.Equal(0, _emulator.Server.Stats.Requests);
        Assert.Equal(1, _emulator.Server.ApiRequestCount);
    }

    [Fact]
    public async Task Stats_ControlAndPageRequests_AreNotWebApiRequests()
    {
        using (await _emulator.GetAsync("_emulator/faults"))
        using (await _emulator.GetAsync("main.aspx?pagetype=search&searchText=x"))
        {
        }

        Assert.Equal(0, _emulator.Server.Stats.Requests);
    }
}
