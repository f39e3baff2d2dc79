using System.Text.Json.Nodes;
using DataverseEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Dataverse.Index;
using TrayPop.Dataverse.Lookup;
using TrayPop.Hosting;

namespace TrayPop.Dataverse.Tests.Index;

/// <summary>
/// The emulator with a key table, and the indexer and lookups as <c>traypop</c> composes them, on a fake clock, with
/// the indexer's state in a temporary directory. The emulator cannot create tables through metadata yet, so the seed
/// holds the key table with one row that no caller can match (it gives the table its columns).
/// </summary>
internal sealed class IndexHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private IndexHarness(EmulatorServer crm, ServiceProvider services, FakeTimeProvider time, string stateDirectory)
    {
        Crm = crm;
        _services = services;
        Time = time;
        StateDirectory = stateDirectory;
    }

    public EmulatorServer Crm { get; }

    public FakeTimeProvider Time { get; }

    public string StateDirectory { get; }

    public IServiceProvider Services => _services;

    public DataverseClient Client => _services.GetRequiredService<DataverseClient>();

    public static async Task<IndexHarness> StartAsync(string seedJson, params string[] settings)
    {
        var seed = JsonNode.Parse(seedJson)!.AsObject();
        seed["tp_phonekeys"] = new JsonArray(new JsonObject
        {
            ["tp_phonekeyid"] = Guid.NewGuid().ToString("D"),
            ["tp_key"] = "placeholder",
            ["tp_number"] = "",
            ["tp_entity"] = "",
            ["tp_recordid"] = "",
            ["tp_name"] = "",
            ["tp_column"] = "",
        });
        var time = DataverseHarness.NewClock();
        var crm = await EmulatorServer.StartAsync(EmulatorSeed.Parse(seed.ToJsonString()), new EmulatorSettings { TimeProvider = time });
        var state = Path.Combine(Path.GetTempPath(), "traypop-tests", "index-" + Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["TrayPop:Dataverse:Url"] = crm.BaseUri.AbsoluteUri.TrimEnd('/'),
            ["TrayPop:Dataverse:Auth:Mode"] = "None",
            ["TrayPop:Phone:DefaultRegion"] = "US",
            ["TrayPop:Index:StateDirectory"] = state,
        };
        foreach (var setting in settings)
        {
            var split = setting.IndexOf('=', StringComparison.Ordinal);
            values["TrayPop:" + setting[..split]] = setting[(split + 1)..];
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(time);
        services.AddTrayPopCore();
        services.AddPhoneKeyIndex();
        return new IndexHarness(crm, services.BuildServiceProvider(), time, state);
    }

    public Task SyncAsync(CancellationToken cancellationToken = default) =>
        _services.GetRequiredService<IndexSync>().RunOnceAsync(null, cancellationToken);

    /// <summary>A fresh lookup (its own Auto decision) as an agent that starts now would make it.</summary>
    public async Task<LookupResult> LookupAsync(string number)
    {
        var callerId = _services.GetRequiredService<CallerIdParser>().Parse(number);
        return await _services.GetRequiredService<ICallerLookup>().LookupAsync(callerId, CancellationToken.None);
    }

    /// <summary>The key rows the index holds now (the placeholder aside).</summary>
    public IReadOnlyList<JsonObject> Keys() =>
        [.. Crm.GetRecords(PhoneKeyTable.EntitySet).Where(r => (string?)r["tp_key"] != "placeholder" && (string?)r["tp_entity"] != "traypop")];

    public IReadOnlyList<string> KeysOf(string recordId) =>
        [.. Keys().Where(k => (string?)k["tp_recordid"] == recordId).Select(k => (string)k["tp_number"]!).Order(StringComparer.Ordinal)];

    public Task WriteAsync(HttpMethod method, string url, string? json = null) => Client.SendAsync(method, url, json, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Crm.DisposeAsync();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
